package org.vigil.users;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /language?lang=pl&to=/path}: the header's EN | PL switch. Links rather than
 * a form, so the header adds no submit button before each page's own form; the only state
 * it changes is the language. Remembered in a cookie for the browser and, for a signed-in
 * user, in their account, so it follows them to a new session; then back to the page the
 * switch was pressed on.
 */
@Controller
class LanguageController {

	private static final Logger log = LoggerFactory.getLogger(LanguageController.class);

	private final Accounts accounts;

	private final ViewerLocaleResolver localeResolver;

	LanguageController(Accounts accounts, ViewerLocaleResolver localeResolver) {
		this.accounts = accounts;
		this.localeResolver = localeResolver;
	}

	@GetMapping("/language")
	String switchLanguage(@RequestParam String lang, @RequestParam(name = "to", defaultValue = "/") String back,
			@AuthenticationPrincipal VigilUser user, HttpServletRequest request, HttpServletResponse response) {
		Locale language = ViewerLocaleResolver.interfaceLanguage(Locale.forLanguageTag(lang));
		if (user != null) {
			try {
				this.accounts.changeLanguage(user.id(), language);
			}
			catch (AccountProblem ex) {
				log.info("Language of user={} not saved: {}", user.id(), ex.getMessage());
			}
		}
		this.localeResolver.setLocaleContext(request, response, new SimpleLocaleContext(language));
		return "redirect:" + localPath(back);
	}

	/** Only a path on this site: never a redirect elsewhere. */
	static String localPath(String path) {
		boolean local = path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
				&& path.chars().noneMatch((c) -> c < 0x20 || c == 0x7f);
		return local ? path : "/";
	}

	/** Where the switch on each page returns to: the page itself when it was a GET. */
	@ControllerAdvice
	static class ReturnAddress {

		@ModelAttribute("languageReturn")
		String languageReturn(HttpServletRequest request) {
			if (!HttpMethod.GET.matches(request.getMethod())
					|| request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
				return "/";
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return (request.getQueryString() != null) ? path + "?" + request.getQueryString() : path;
		}

	}

}
