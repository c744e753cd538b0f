package org.vigil.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides a session cookie that cannot be a session id from Spring Session, so a forged or
 * damaged cookie means "no session" instead of a database error on every request. Spring
 * Session JDBC's ids are UUIDs, sent Base64-encoded; anything else (garbage, NUL bytes,
 * kilobytes of text) never reaches the session query.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class ForgedSessionCookieFilter extends OncePerRequestFilter {

	private static final Pattern SESSION_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final String cookieName;

	ForgedSessionCookieFilter(@Value("${server.servlet.session.cookie.name:SESSION}") String cookieName) {
		this.cookieName = cookieName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Cookie[] cookies = request.getCookies();
		if (cookies == null || Arrays.stream(cookies).allMatch(this::isPlausible)) {
			chain.doFilter(request, response);
			return;
		}
		Cookie[] kept = Arrays.stream(cookies).filter(this::isPlausible).toArray(Cookie[]::new);
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public Cookie[] getCookies() {
				return kept.clone();
			}

		}, response);
	}

	private boolean isPlausible(Cookie cookie) {
		return !this.cookieName.equals(cookie.getName()) || isSessionId(cookie.getValue());
	}

	/** Whether a cookie value is a Base64-encoded session id (a UUID). */
	static boolean isSessionId(String value) {
		if (value == null || value.length() > 64) {
			return false;
		}
		try {
			return SESSION_ID.matcher(new String(Base64.getDecoder().decode(value), StandardCharsets.ISO_8859_1))
				.matches();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
