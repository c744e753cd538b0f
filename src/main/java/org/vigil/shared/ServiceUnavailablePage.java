package org.vigil.shared;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The page shown while the database is unavailable ({@code templates/error/503.html}),
 * rendered straight from the template: Spring's error handling would load the session and
 * the signed-in user, which live in the missing database.
 */
@Component
@ConditionalOnWebApplication
class ServiceUnavailablePage {

	static final String TEMPLATE = "error/503";

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailablePage.class);

	private static final String RETRY_AFTER_SECONDS = "30";

	private final ITemplateEngine templates;

	private final String version = VigilVersion.current();

	ServiceUnavailablePage(ITemplateEngine templates) {
		this.templates = templates;
	}

	void render(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/html;charset=UTF-8");
		String html;
		try {
			var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
				.buildExchange(request, response);
			html = this.templates.process(TEMPLATE,
					new WebContext(exchange, request.getLocale(), Map.of("vigilVersion", this.version)));
		}
		catch (RuntimeException ex) {
			log.warn("The 503 page could not be rendered ({}); answering in plain text", ex.getMessage());
			response.setContentType("text/plain;charset=UTF-8");
			html = "The database is unavailable. Vigil reconnects by itself; try again in a minute.\n";
		}
		response.getWriter().write(html);
		response.flushBuffer();
	}

}
