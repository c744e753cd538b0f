package org.vigil.users;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * The language and time zone of the request. A signed-in user's come from their account
 * on every request ({@link ViewerSettings}), so a change elsewhere applies to an open
 * session at once; a visitor's language from the switch's cookie, else from the browser
 * (English or Polish), and the default zone.
 */
class ViewerLocaleResolver implements LocaleContextResolver {

	/** The cookie the language switch sets, read for visitors. */
	static final String COOKIE = "vigil-lang";

	/** Languages the interface text is written in; the first is the default. */
	static final List<Locale> INTERFACE_LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"));

	private static final String ATTRIBUTE = ViewerLocaleResolver.class.getName() + ".context";

	private static final Duration COOKIE_AGE = Duration.ofDays(365);

	private final ViewerSettings settings;

	private final ZoneId defaultZone;

	ViewerLocaleResolver(ViewerSettings settings, ZoneId defaultZone) {
		this.settings = settings;
		this.defaultZone = defaultZone;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return resolveLocaleContext(request).getLocale();
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		setLocaleContext(request, response,
				(locale != null) ? new SimpleTimeZoneAwareLocaleContext(locale, null) : null);
	}

	@Override
	public TimeZoneAwareLocaleContext resolveLocaleContext(HttpServletRequest request) {
		// Asked several times per page (messages, dates, the layout): work it out once.
		if (request.getAttribute(ATTRIBUTE) instanceof TimeZoneAwareLocaleContext resolved) {
			return resolved;
		}
		TimeZoneAwareLocaleContext context = signedInUser().flatMap(this.settings::of)
			.map((preferences) -> zoned(preferences.locale(), preferences.zone()))
			.orElseGet(() -> zoned(visitorLanguage(request), this.defaultZone));
		request.setAttribute(ATTRIBUTE, context);
		return context;
	}

	/**
	 * Remembers a language chosen with the switch in a cookie, for this and later visits;
	 * a signed-in user's account is changed by the caller.
	 */
	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
			LocaleContext localeContext) {
		request.removeAttribute(ATTRIBUTE);
		Locale locale = (localeContext != null) ? localeContext.getLocale() : null;
		if (response == null) {
			return;
		}
		ResponseCookie cookie = ResponseCookie.from(COOKIE, (locale != null) ? locale.getLanguage() : "")
			.path(contextPath(request))
			.maxAge((locale != null) ? COOKIE_AGE : Duration.ZERO)
			.httpOnly(true)
			.sameSite("Lax")
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
	}

	/** The interface language a locale is shown in: Polish for Polish, else English. */
	static Locale interfaceLanguage(Locale locale) {
		return INTERFACE_LANGUAGES.stream()
			.filter((language) -> locale != null && language.getLanguage().equals(locale.getLanguage()))
			.findFirst()
			.orElse(INTERFACE_LANGUAGES.get(0));
	}

	private Locale visitorLanguage(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName()) && Accounts.LOCALES.contains(cookie.getValue())) {
					return Locale.forLanguageTag(cookie.getValue());
				}
			}
		}
		if (request.getHeader("Accept-Language") != null) {
			var languages = request.getLocales();
			while (languages.hasMoreElements()) {
				Locale wanted = languages.nextElement();
				for (Locale offered : INTERFACE_LANGUAGES) {
					if (offered.getLanguage().equals(wanted.getLanguage())) {
						return offered;
					}
				}
			}
		}
		return INTERFACE_LANGUAGES.get(0);
	}

	private static Optional<Long> signedInUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof VigilUser user)
				? Optional.of(user.id()) : Optional.empty();
	}

	private static TimeZoneAwareLocaleContext zoned(Locale locale, ZoneId zone) {
		return new SimpleTimeZoneAwareLocaleContext(locale, TimeZone.getTimeZone(zone));
	}

	private static String contextPath(HttpServletRequest request) {
		String path = request.getContextPath();
		return (path == null || path.isEmpty()) ? "/" : path;
	}

}
