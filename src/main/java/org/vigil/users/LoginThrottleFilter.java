package org.vigil.users;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every login attempt before its password is checked and refuses it when the
 * account or the address has had too many, so that a guesser learns nothing while blocked
 * and parallel guesses cannot slip past the count. The refusal is the login page with
 * status 429 and how long to wait.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_ATTRIBUTE = LoginThrottleFilter.class.getName() + ".retryAfter";

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> refused = this.throttle.attempt(request.getParameter("username"), request.getRemoteAddr());
		if (refused.isPresent()) {
			long seconds = Math.max(1, refused.get().toSeconds());
			response.setHeader("Retry-After", Long.toString(seconds));
			request.setAttribute(RETRY_AFTER_ATTRIBUTE, seconds);
			request.getRequestDispatcher("/login/throttled").forward(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
