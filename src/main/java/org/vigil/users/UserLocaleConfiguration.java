package org.vigil.users;

import java.util.Locale;
import java.util.TimeZone;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/** Dates in each user's language and time zone. */
@Configuration(proxyBeanMethods = false)
class UserLocaleConfiguration {

	/**
	 * The user's language and time zone for dates, put in the session at login and when
	 * settings change; visitors get English and the default zone. Named localeResolver so
	 * that Spring MVC uses it and {@code LocaleContextHolder} answers with it.
	 */
	@Bean
	SessionLocaleResolver localeResolver(UsersProperties properties) {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
		resolver.setDefaultLocale(Locale.ENGLISH);
		resolver.setDefaultTimeZone(TimeZone.getTimeZone(Accounts.zone(properties.defaultTimeZone())));
		return resolver;
	}

}
