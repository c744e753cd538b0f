package org.vigil.users;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listens to FirstAdmin's log from bean creation on, before the application's start
 * runners write it (and after Boot has set up logging, which drops earlier appenders),
 * and reads the one-time setup link out of it.
 */
@TestConfiguration(proxyBeanMethods = false)
class SetupLinkLog {

	@Bean
	ListAppender<ILoggingEvent> startLog() {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		((Logger) LoggerFactory.getLogger(FirstAdmin.class)).addAppender(appender);
		return appender;
	}

	/** The path and token of the link printed for {@code baseUrl}. */
	static String setupPath(ListAppender<ILoggingEvent> startLog, String baseUrl) {
		String log = String.join("\n", startLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
		Matcher link = Pattern.compile(Pattern.quote(baseUrl) + "(/setup\\?token=[A-Za-z0-9_-]{40,})").matcher(log);
		assertThat(link.find()).as("a setup link in the start log: %s", log).isTrue();
		return link.group(1);
	}

}
