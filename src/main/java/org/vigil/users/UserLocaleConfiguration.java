package org.vigil.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pages in each reader's language and time zone. */
@Configuration(proxyBeanMethods = false)
class UserLocaleConfiguration {

	/**
	 * Named localeResolver so that Spring MVC uses it and {@code LocaleContextHolder}
	 * answers with it (dates, messages, {@code #locale} in templates).
	 */
	@Bean
	ViewerLocaleResolver localeResolver(ViewerSettings settings, UsersProperties properties) {
		return new ViewerLocaleResolver(settings, Accounts.zone(properties.defaultTimeZone()));
	}

}
