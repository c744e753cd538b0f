package org.vigil.ingest;

import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * What an element's class, id, role and style say about it, as Readability reads them:
 * likely text ("article", "body"), likely chrome ("sidebar", "share"), hidden, or inside
 * a table or code.
 */
final class ElementSignals {

	private static final Pattern UNLIKELY = Pattern.compile("(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|"
			+ "community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|"
			+ "sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|"
			+ "cookie|consent|newsletter|share");

	private static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|mathjax|shadow");

	private static final Pattern POSITIVE = Pattern
		.compile("(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|rich-text");

	private static final Pattern NEGATIVE = Pattern.compile("(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|"
			+ "comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|"
			+ "sidebar|skyscraper|sponsor|shopping|tags|widget|cookie|consent");

	private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

	private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation", "alert",
			"alertdialog", "dialog");

	private ElementSignals() {
	}

	static double classWeight(Element element) {
		double weight = 0;
		for (String name : new String[] { element.className(), element.id() }) {
			if (!name.isEmpty()) {
				weight += NEGATIVE.matcher(name).find() ? -25 : 0;
				weight += POSITIVE.matcher(name).find() ? 25 : 0;
			}
		}
		return weight;
	}

	static boolean unlikely(Element element) {
		String tag = element.normalName();
		if (tag.equals("a") || tag.equals("article") || tag.equals("main") || tag.equals("body")) {
			return false;
		}
		if (UNLIKELY_ROLES.contains(element.attr("role"))) {
			return true;
		}
		String names = element.className() + " " + element.id();
		return names.length() > 1 && UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find()
				&& !inside(element, "table") && !inside(element, "code");
	}

	static boolean hidden(Element element) {
		return element.hasAttr("hidden")
				|| element.attr("aria-hidden").equals("true") && !element.className().contains("fallback-image")
				|| element.hasAttr("style") && HIDDEN_STYLE.matcher(element.attr("style")).find();
	}

	static boolean inside(Element element, String tag) {
		return closest(element, tag) != null;
	}

	static Element closest(Element element, String tag) {
		for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
			if (parent.nameIs(tag)) {
				return parent;
			}
		}
		return null;
	}

}
