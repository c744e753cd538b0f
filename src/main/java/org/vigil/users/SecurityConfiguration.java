package org.vigil.users;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Who may open what. Everything needs a login except the login page itself, the first-run
 * setup page (which checks its own one-time token), static files, health checks, the
 * private Atom feeds (their URL carries a secret) and the digest's unsubscribe links
 * (signed); admin pages and {@code /actuator/info} need the admin role; the timeline's
 * pages are public only when {@code vigil.users.public-timeline=true}. CSRF tokens are
 * required on every form, except the one-click unsubscribe that mail clients POST (RFC
 * 8058) with the signed link as the proof.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	/** Paths anyone may open; the features behind them check their own secrets. */
	static final String[] PUBLIC_PATHS = { "/login", "/login/**", "/invitations/**", "/css/**", "/js/**", "/webjars/**",
			"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/feeds/**",
			"/unsubscribe/**", "/setup", "/language" };

	/** The read-only analyst pages that {@code vigil.users.public-timeline} opens. */
	static final String[] TIMELINE_PATHS = { "/", "/items/**", "/entities/**", "/autocomplete/**" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, UsersProperties properties, LoginThrottle throttle,
			LoginOutcomes outcomes) {
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers(PUBLIC_PATHS).permitAll();
			if (properties.selfRegistration()) {
				requests.requestMatchers("/register").permitAll();
			}
			if (properties.publicTimeline()) {
				requests.requestMatchers(HttpMethod.GET, TIMELINE_PATHS).permitAll();
			}
			// Build, JVM and kernel details help an attacker more than a visitor.
			requests.requestMatchers("/admin/**", "/actuator/info").hasRole(Role.ADMIN.name());
			requests.anyRequest().authenticated();
		});
		http.formLogin((login) -> login.loginPage("/login")
			.successHandler(outcomes.success())
			.failureHandler(outcomes.failure())
			.permitAll());
		http.logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll());
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/unsubscribe/**"));
		http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	LoginOutcomes loginOutcomes(LoginThrottle throttle, Accounts accounts, Clock clock) {
		return new LoginOutcomes(throttle, accounts, clock);
	}

}
