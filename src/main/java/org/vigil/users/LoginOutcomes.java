package org.vigil.users;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What happens after a login attempt: a success clears the account's failures, and
 * records the login (the user's language and time zone are read per request, see
 * {@link ViewerLocaleResolver}); a failure (counted by the throttle before the password
 * was checked) is logged with the address.
 */
class LoginOutcomes {

	private static final Logger log = LoggerFactory.getLogger(LoginOutcomes.class);

	private final LoginThrottle throttle;

	private final Accounts accounts;

	private final java.time.Clock clock;

	LoginOutcomes(LoginThrottle throttle, Accounts accounts, java.time.Clock clock) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.clock = clock;
	}

	SavedRequestAwareAuthenticationSuccessHandler success() {
		return new SavedRequestAwareAuthenticationSuccessHandler() {

			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws ServletException, IOException {
				if (authentication.getPrincipal() instanceof VigilUser user) {
					LoginOutcomes.this.throttle.succeeded(user.email(), request.getRemoteAddr());
					LoginOutcomes.this.accounts.recordLogin(user.id(), LoginOutcomes.this.clock.instant());
					log.info("Login user={} address={}", user.id(), request.getRemoteAddr());
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}

		};
	}

	AuthenticationFailureHandler failure() {
		SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler("/login?error");
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			String email = request.getParameter("username");
			this.throttle.failed();
			log.info("Failed login email={} address={} reason={}", Accounts.normalizeEmail(email),
					request.getRemoteAddr(), exception.getClass().getSimpleName());
			redirect.onAuthenticationFailure(request, response, exception);
		};
	}

}
