package org.vigil.shared;

import java.util.Optional;

import picocli.CommandLine;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three steps of {@link Cli#run} (answer without Spring, start, execute) for test
 * support, which runs many commands on one started context instead of starting one per
 * command.
 */
public final class CliSteps {

	private CliSteps() {
	}

	public static Optional<Integer> answerWithoutSpring(Class<?> application, String[] args) {
		return Cli.answerWithoutSpring(application, args);
	}

	public static ConfigurableApplicationContext start(Class<?> application, String[] args) {
		return Cli.start(application, args);
	}

	public static int execute(ApplicationContext context, String[] args) {
		return Cli.execute(context, args);
	}

	/** One command line to run several commands on the same command beans. */
	public static CommandLine commandLine(ApplicationContext context) {
		return Cli.commandLine(context);
	}

}
