package org.vigil.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

import org.vigil.sources.Selectors;

/**
 * Reads who wrote or said a page: the site rule, then the author meta, JSON-LD, byline
 * elements, and last what the listing said.
 */
final class AuthorFinder {

	private static final Pattern JSON_LD_AUTHOR = Pattern
		.compile("\"author\"\\s*:\\s*(?:\\[\\s*)?(?:\\{[^}]*?\"name\"\\s*:\\s*\"([^\"]+)\"|\"([^\"]+)\")");

	private static final Evaluator JSON_LD = Selector.evaluatorOf("script[type=application/ld+json]");

	private static final Evaluator META_AUTHOR = Selector.evaluatorOf("meta[name=author]");

	private static final Evaluator BYLINES = Selector.evaluatorOf("[rel=author], .byline, .author-name");

	private AuthorFinder() {
	}

	static String find(Document doc, Selectors rules, Hints hints) {
		String fromRule = Extractor.firstText(doc, rules.author());
		if (fromRule != null) {
			return fromRule;
		}
		String meta = Extractor.attr(doc, META_AUTHOR, "content");
		if (meta != null) {
			return meta;
		}
		for (Element script : doc.select(JSON_LD)) {
			Matcher m = JSON_LD_AUTHOR.matcher(script.data());
			if (m.find()) {
				return (m.group(1) != null) ? m.group(1) : m.group(2);
			}
		}
		for (Element element : doc.select(BYLINES)) {
			String text = element.text().strip();
			if (!text.isEmpty() && text.length() < 120) {
				return text;
			}
		}
		return hints.author();
	}

}
