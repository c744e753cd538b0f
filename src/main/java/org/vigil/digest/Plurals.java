package org.vigil.digest;

import java.util.Locale;

/**
 * The plural form of a count, as a suffix of a message key ({@code digest.subject.few}):
 * English has one and other; Polish has one (1), few (2–4, 22–24, but not 12–14) and many
 * (0, 5–21, 25…). Other languages read the English bundle, so they take English forms.
 */
final class Plurals {

	private final Locale locale;

	Plurals(Locale locale) {
		this.locale = locale;
	}

	/** {@code base} with the form of {@code count}: "digest.subject.many". */
	public String key(String base, long count) {
		return base + "." + form(this.locale, count);
	}

	static String form(Locale locale, long count) {
		if ("pl".equals(locale.getLanguage())) {
			if (count == 1) {
				return "one";
			}
			long tens = count % 100;
			long units = count % 10;
			return (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) ? "few" : "many";
		}
		return (count == 1) ? "one" : "other";
	}

}
