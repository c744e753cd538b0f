package org.vigil.shared;

import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Command;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

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

	/**
	 * Runs a valid command line on new instances of the command beans of {@code context}:
	 * picocli starts each option from the value its object holds, so objects an earlier
	 * command parsed into would carry its options over.
	 */
	public static int executeOnNewCommands(ApplicationContext context, String[] args) {
		AutowireCapableBeanFactory beans = context.getAutowireCapableBeanFactory();
		List<Object> commands = context.getBeansWithAnnotation(Command.class)
			.values()
			.stream()
			.<Object>map(bean -> beans.createBean(ClassUtils.getUserClass(AopUtils.getTargetClass(bean))))
			.toList();
		return Cli.execute(context, commands, args);
	}

}
