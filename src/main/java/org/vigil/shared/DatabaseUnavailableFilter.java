package org.vigil.shared;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is down, pages answer at once with the 503 page instead of waiting
 * on a connection; a request that loses its connection midway gets the same page. It runs
 * before the session and security filters, which would otherwise read the session from
 * the missing database. Health endpoints and static files pass: the first must say DOWN,
 * the second style the 503 page.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final List<String> WITHOUT_DATABASE = List.of("/actuator/", "/css/", "/js/", "/webjars/", "/images/",
			"/favicon.ico");

	private final DatabaseAvailability database;

	private final ServiceUnavailablePage page;

	DatabaseUnavailableFilter(DatabaseAvailability database, ServiceUnavailablePage page) {
		this.database = database;
		this.page = page;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return WITHOUT_DATABASE.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.database.isAvailable()) {
			this.page.render(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseFailures.isUnavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			this.database.reportFailure(ex);
			response.resetBuffer(); // the security headers set before stay
			this.page.render(request, response);
		}
	}

}
