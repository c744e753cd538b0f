package org.vigil.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigil.VigilApplication;
import org.vigil.shared.CliSteps;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs several Vigil commands against one database in this JVM, on one command context
 * started for the first of them, as {@code java -jar vigil.jar ARGS} runs each on a
 * context of its own. Parsing, help and usage errors, exit codes and output are those of
 * the real command line ({@link CommandRun}); only the second and later starts are saved,
 * which is most of a command's time in a test.
 *
 * <p>
 * Use {@link CommandRun} instead where starting is what the test is about (first start,
 * start-up errors, {@code --verbose}), or where beans must begin empty for each command
 * (the fetcher's robots.txt and politeness memory across crawls).
 */
public final class CommandSession implements AutoCloseable {

	private final Map<String, String> properties;

	private ConfigurableApplicationContext context;

	private CommandSession(Map<String, String> properties) {
		this.properties = Map.copyOf(properties);
	}

	/** A session whose commands see {@code properties} as system properties. */
	public static CommandSession with(Map<String, String> properties) {
		return new CommandSession(properties);
	}

	/** A session on a database of its own on the test server. */
	public static CommandSession onFreshDatabase() {
		return with(database(TestPostgres.newDatabase()));
	}

	/** The properties that point a command at {@code jdbcUrl}. */
	public static Map<String, String> database(String jdbcUrl) {
		return Map.of("spring.datasource.url", jdbcUrl, "spring.datasource.username", "postgres");
	}

	public CommandRun run(String... args) {
		return withInput("", args);
	}

	/** Runs with {@code input} as standard input (e.g. for --password-stdin). */
	public CommandRun withInput(String input, String... args) {
		if (List.of(args).contains("--verbose")) {
			// the console log level is fixed when a context starts
			return CommandRun.withInput(input, this.properties, args);
		}
		boolean[] startFailed = { false };
		CommandRun run = CommandRun.capture(input, this.properties, () -> {
			Optional<Integer> answered = CliSteps.answerWithoutSpring(VigilApplication.class, args);
			if (answered.isPresent()) {
				return answered.get();
			}
			if (this.context == null) {
				try {
					this.context = CliSteps.start(VigilApplication.class, args);
				}
				catch (RuntimeException ex) {
					startFailed[0] = true;
					return 1;
				}
			}
			return CliSteps.executeOnNewCommands(this.context, args);
		});
		// The real command line says why it could not start.
		return startFailed[0] ? CommandRun.withInput(input, this.properties, args) : run;
	}

	@Override
	public void close() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

}
