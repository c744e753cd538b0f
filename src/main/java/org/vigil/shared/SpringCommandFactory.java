package org.vigil.shared;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.context.ApplicationContext;

/**
 * Lets picocli take commands from Spring: a bean when the command is one, otherwise a new
 * instance with its constructor dependencies injected (nested commands).
 */
class SpringCommandFactory implements CommandLine.IFactory {

	private final ApplicationContext context;

	SpringCommandFactory(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public <K> K create(Class<K> type) throws Exception {
		if (type.isAnnotationPresent(Command.class)) {
			K bean = this.context.getBeanProvider(type).getIfUnique();
			return (bean != null) ? bean : this.context.getAutowireCapableBeanFactory().createBean(type);
		}
		return CommandLine.defaultFactory().create(type);
	}

}
