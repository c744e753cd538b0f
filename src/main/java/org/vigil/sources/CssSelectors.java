package org.vigil.sources;

import org.jsoup.select.QueryParser;

/** Checks a CSS selector as Jsoup will read it, so a typo is caught where it is typed. */
final class CssSelectors {

	private CssSelectors() {
	}

	static void check(String selector) {
		try {
			QueryParser.parse(selector);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a CSS selector: '" + selector + "' (" + ex.getMessage() + ")");
		}
	}

}
