package org.vigil.shared;

import java.sql.SQLException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns PostgreSQL's refusal of text it cannot store (a NUL byte, an invalid byte
 * sequence) into 400 with the usual error page: such text can only have come from the
 * request, so it is the client's mistake, not a server error. Every other exception is
 * left to the resolvers after this one.
 */
@Component
class InvalidTextExceptionResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(InvalidTextExceptionResolver.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!isInvalidText(ex)) {
			return null;
		}
		log.info("Refused request whose text the database cannot store method={} path={}: {}", request.getMethod(),
				request.getRequestURI(), ex.getMessage());
		try {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST,
					"The request has text that cannot be stored, such as a NUL character.");
		}
		catch (java.io.IOException io) {
			return null;
		}
		return new ModelAndView();
	}

	/**
	 * Whether a cause is PostgreSQL's or its driver's refusal of text: SQLSTATE 22021
	 * (character not in repertoire, e.g. "invalid byte sequence for encoding UTF8:
	 * 0x00"), 22P05 (untranslatable character), or the driver's "Zero bytes may not
	 * occur" (22023).
	 */
	static boolean isInvalidText(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql) {
				String state = sql.getSQLState();
				if ("22021".equals(state) || "22P05".equals(state) || ("22023".equals(state) && sql.getMessage() != null
						&& sql.getMessage().contains("Zero bytes"))) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
