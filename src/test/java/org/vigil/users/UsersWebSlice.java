package org.vigil.users;

import org.vigil.support.WebSlice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.mockito.Mockito.mock;

/**
 * The real security rules ({@link SecurityConfiguration}) and the reader's locale
 * resolver for a {@link WebSlice}. Only what reads the database is mocked: the accounts,
 * their user details and the login throttle (used when a login form is posted, which a
 * slice does not do; tests sign in with Spring Security's test support instead), and the
 * signed-in user's stored language and zone (read only for a {@link VigilUser} principal;
 * without one the resolver answers as for a visitor). The mocked user details service
 * also keeps Boot from making an in-memory user with a generated password.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsersProperties.class)
@Import({ SecurityConfiguration.class, UserLocaleConfiguration.class })
public class UsersWebSlice {

	@Bean
	LoginThrottle loginThrottle() {
		return mock(LoginThrottle.class);
	}

	@Bean
	Accounts accounts() {
		return mock(Accounts.class);
	}

	@Bean
	AccountUserDetailsService accountUserDetailsService() {
		return mock(AccountUserDetailsService.class);
	}

	@Bean
	ViewerSettings viewerSettings() {
		return mock(ViewerSettings.class);
	}

}
