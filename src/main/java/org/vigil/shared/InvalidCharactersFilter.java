package org.vigil.shared;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 (with the usual error page) to a request whose query or form parameters
 * hold a NUL or another control character that no person types: PostgreSQL cannot store
 * NUL in text, so such a value would otherwise fail deep inside a query as a 500. Tab,
 * line feed and carriage return are kept, since text areas send them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class InvalidCharactersFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(InvalidCharactersFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String bad = invalidParameter(request);
		if (bad != null) {
			log.info("Refused request with a control character in parameter={} method={} path={}", bad,
					request.getMethod(), request.getRequestURI());
			response.sendError(HttpServletResponse.SC_BAD_REQUEST,
					"The request has a character that is not allowed (such as NUL) in " + bad + ".");
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The name of the first parameter whose name or a value is not valid text, or null.
	 */
	static String invalidParameter(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!isValidText(parameter.getKey())) {
				return "a parameter name";
			}
			for (String value : parameter.getValue()) {
				if (value != null && !isValidText(value)) {
					return "parameter \u201C" + parameter.getKey() + "\u201D";
				}
			}
		}
		return null;
	}

	/**
	 * Whether text has no control character except tab, line feed and carriage return.
	 */
	static boolean isValidText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
			if (Character.isSurrogate(c)) {
				// Only a well-formed pair is text; a lone half cannot be encoded as
				// UTF-8.
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return false;
			}
		}
		return true;
	}

}
