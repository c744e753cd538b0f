package org.vigil.ingest;

import java.util.Optional;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Judges what a source's body selector found on a page, so that a site that changed its
 * template is noticed the day it happens instead of storing "More…" as the article: a
 * rule that matches nothing, only empty elements or only link text has missed; one that
 * matches a few characters has missed when the generic extractor finds much more.
 */
final class SiteRuleCheck {

	/** How every miss reason starts (items and source health look for it). */
	static final String MISSED = "site rule missed: ";

	/** Below this many characters a rule's body is doubted. */
	static final int SHORT_TEXT = 150;

	private SiteRuleCheck() {
	}

	/**
	 * Why the rule's match cannot be the article, whatever the rest of the page holds.
	 */
	static Optional<String> plainMiss(String selector, Elements parts) {
		if (parts.isEmpty()) {
			return reason(selector, "matched nothing");
		}
		String text = parts.text().strip();
		if (text.isEmpty()) {
			return reason(selector, "matched only empty elements");
		}
		int links = 0;
		for (Element part : parts) {
			for (Element link : part.getElementsByTag("a")) {
				links += link.text().strip().length();
			}
		}
		if (links >= 0.8 * text.length()) {
			return reason(selector, "matched only link text ('" + excerpt(text) + "')");
		}
		return Optional.empty();
	}

	/**
	 * Why a short match missed: the generic extractor read more than twice as much text
	 * and enough to be an article. A short statement that the generic extractor reads the
	 * same is the article.
	 */
	static Optional<String> shortMiss(String selector, String ruleText, String genericText) {
		if (ruleText.length() >= SHORT_TEXT || genericText.length() < SHORT_TEXT
				|| genericText.length() <= 2 * ruleText.length()) {
			return Optional.empty();
		}
		return reason(selector, "matched " + ruleText.length() + " characters ('" + excerpt(ruleText)
				+ "') where the page has " + genericText.length());
	}

	private static Optional<String> reason(String selector, String what) {
		return Optional.of(MISSED + "body '" + selector + "' " + what + "; the generic extractor read this page");
	}

	private static String excerpt(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "…";
	}

}
