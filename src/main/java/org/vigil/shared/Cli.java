package org.vigil.shared;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.objenesis.ObjenesisStd;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Runs one command ({@code vigil.jar crawl --once}) in a Spring context without a web
 * server.
 *
 * <p>
 * Every top-level command is a Spring {@link Component} annotated with {@link Command};
 * nested commands ({@code source list}) are named in their parent's {@code subcommands}
 * and created with their dependencies injected, but are not beans themselves.
 *
 * <p>
 * The command line is read twice. First without Spring, over command objects whose
 * constructors never ran: help, version and usage errors are answered there, in a second
 * and without touching the database (so option defaults belong in {@code defaultValue},
 * not in field initialisers). Only a valid command starts the application context and
 * runs, on the real beans. Console logging is off while it runs (stdout carries the
 * commands' output, often JSON); {@code --verbose} turns it on.
 */
public final class Cli {

	private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

	private Cli() {
	}

	/** A command line is a command when it names one, or asks for help or the version. */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && (!args[0].startsWith("-") || ROOT_OPTIONS.contains(args[0]));
	}

	public static int run(Class<?> application, String[] args) {
		Optional<Integer> answered = answerWithoutSpring(application, args);
		if (answered.isPresent()) {
			return answered.get();
		}
		ConfigurableApplicationContext context;
		try {
			context = start(application, args);
		}
		catch (RuntimeException ex) {
			System.err.println("vigil: " + StartupProblems.explain(ex).orElse(String.valueOf(ex.getMessage())));
			return 1;
		}
		try (context) {
			int exitCode = execute(context, args);
			CommandListeners.finish(context);
			return exitCode;
		}
	}

	/**
	 * Answers help, version and usage errors over command objects whose constructors
	 * never ran; empty when the command line is a valid command to run.
	 */
	static Optional<Integer> answerWithoutSpring(Class<?> application, String[] args) {
		CommandLine parser = commandLine(new UnconstructedCommandFactory(),
				topLevelCommandTypes(application).stream().map(UnconstructedCommandFactory::instantiate).toList());
		try {
			ParseResult parsed = parser.parseArgs(args);
			Integer helpExit = CommandLine.executeHelpRequest(parsed);
			if (helpExit != null) {
				return Optional.of(helpExit);
			}
			if (!parsed.hasSubcommand()) {
				throw new ParameterException(parser, "a command is required");
			}
			return Optional.empty();
		}
		catch (ParameterException ex) {
			return Optional.of(usageError(ex, args));
		}
	}

	/** The context a command runs in; the caller closes it. */
	static ConfigurableApplicationContext start(Class<?> application, String[] args) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// Only the beans the command uses are created, and the database only
			// when it uses one: a command starts in seconds. Beside the running web
			// application, the command uses its database.
			.properties("vigil.scheduling.enabled=false", "spring.main.lazy-initialization=true",
					"vigil.embedded-db.attach-to-running=true",
					"logging.threshold.console=" + (List.of(args).contains("--verbose") ? "INFO" : "OFF"))
			.run();
	}

	/** Runs a valid command line on the command beans of {@code context}. */
	static int execute(ApplicationContext context, String[] args) {
		return execute(context, List.copyOf(context.getBeansWithAnnotation(Command.class).values()), args);
	}

	/** Runs a valid command line on {@code commands}, made by {@code context}. */
	static int execute(ApplicationContext context, List<Object> commands, String[] args) {
		return commandLine(new SpringCommandFactory(context), commands).execute(args);
	}

	private static CommandLine commandLine(CommandLine.IFactory factory, List<Object> commands) {
		CommandLine root = new CommandLine(new VigilCommand(), factory);
		commands.stream().sorted(Comparator.comparing(Cli::nameOf)).forEach(root::addSubcommand);
		root.setParameterExceptionHandler(Cli::usageError);
		root.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			commandLine.getErr()
				.println(commandLine.getCommandName() + ": " + StartupProblems.explain(ex).orElse(describe(ex)));
			return 1;
		});
		return root;
	}

	private static List<Class<?>> topLevelCommandTypes(Class<?> application) {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
		return scanner.findCandidateComponents(ClassUtils.getPackageName(application))
			.stream()
			.<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
			.filter(type -> AnnotationUtils.findAnnotation(type, Component.class) != null)
			.toList();
	}

	private static String nameOf(Object command) {
		return AnnotationUtils.findAnnotation(command.getClass(), Command.class).name();
	}

	private static int usageError(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		PrintWriter err = commandLine.getErr();
		String message = ex.getMessage();
		if (ex instanceof UnmatchedArgumentException unmatched && commandLine.getParent() == null
				&& !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
			message = "unknown command '" + unmatched.getUnmatched().get(0) + "'";
		}
		err.println("vigil: " + message + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
		err.flush();
		return commandLine.getCommandSpec().exitCodeOnInvalidInput();
	}

	private static String describe(Exception ex) {
		return RootCause.describe(ex);
	}

	/**
	 * Command objects for reading the command line only: their constructors never run.
	 */
	private static final class UnconstructedCommandFactory implements CommandLine.IFactory {

		private static final ObjenesisStd objenesis = new ObjenesisStd();

		static Object instantiate(Class<?> type) {
			return objenesis.newInstance(type);
		}

		@Override
		public <K> K create(Class<K> type) throws Exception {
			return type.isAnnotationPresent(Command.class) ? objenesis.newInstance(type)
					: CommandLine.defaultFactory().create(type);
		}

	}

}
