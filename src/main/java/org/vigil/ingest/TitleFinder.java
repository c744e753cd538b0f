package org.vigil.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

import org.vigil.sources.Selectors;

/**
 * Reads a page's title from its heading, reconciled with {@code og:title} and
 * {@code <title>}: the heading wins when the head names the same title (with the site's
 * name around it), so the site's suffix (" - News - Inside Government - GOV.UK") goes; a
 * heading that carries a label ("News story Title") gives the part the head confirms.
 */
final class TitleFinder {

	private static final Pattern TITLE_AFFIXES = Pattern.compile(
			"(?i)^(NATO\\s*-\\s*(News|Opinion|Speech|Press release)?:?\\s*)|(\\s+[-|–]\\s+(NATO|GOV\\.UK|Portal Gov\\.pl|"
					+ "Inside Government|News|News stories|Press releases?|Speeches|"
					+ "Defence24(\\.pl|\\.com)?|Energetyka24|BMVg|Bundesministerium der Verteidigung|"
					+ "U\\.S\\. Department of (Defense|War)|Ministerul Apărării Naționale))+$|,\\s*\\d{1,2}-\\w{3}\\.?-\\d{4}$");

	/** What separates a title from the site's name in a head title. */
	private static final Pattern SEPARATOR = Pattern.compile("^\\s*[-|–—:·»/]\\s*");

	private static final Evaluator OG_TITLE = Selector.evaluatorOf("meta[property=og:title]");

	private static final Evaluator SITE_NAME = Selector.evaluatorOf("meta[property=og:site_name]");

	private static final Evaluator H1 = Selector.evaluatorOf("h1");

	private static final Evaluator H2_TITLES = Selector.evaluatorOf("h2.title, h2.titlu, .title h2, h2");

	private TitleFinder() {
	}

	static String find(Document doc, Selectors rules, Hints hints, String url) {
		String fromRule = Extractor.firstText(doc, rules.title());
		if (fromRule != null) {
			return fromRule;
		}
		String og = Extractor.attr(doc, OG_TITLE, "content");
		String head = doc.title().strip();
		List<String> references = new ArrayList<>();
		for (String reference : new String[] { og, head, hints.title() }) {
			if (reference != null && !reference.isBlank()) {
				references.add(normal(reference));
			}
		}
		for (Element h1 : doc.select(H1)) {
			for (String heading : variants(h1)) {
				for (String reference : references) {
					if (names(reference, normal(heading))) {
						return heading;
					}
				}
			}
		}
		for (Element h1 : doc.select(H1)) {
			String text = normal(h1.text());
			for (String reference : references) {
				if (!text.isEmpty() && (reference.startsWith(text) || reference.endsWith(text))) {
					return h1.text().strip();
				}
			}
		}
		if (hints.title() != null) {
			return hints.title();
		}
		if (doc.selectFirst(H1) == null) {
			for (Element h2 : doc.select(H2_TITLES)) {
				String text = h2.text().strip();
				if (text.length() >= 15 && text.length() <= 250) {
					return text;
				}
			}
		}
		// A head title of one word ("Print", "Article") names the template, not the page.
		String heading = Extractor.firstText(doc, H1);
		if (heading != null && heading.contains(" ") && (og == null || !og.strip().contains(" "))
				&& !head.contains(" ")) {
			return heading;
		}
		String siteName = Extractor.attr(doc, SITE_NAME, "content");
		for (String candidate : new String[] { og, head, heading }) {
			if (candidate != null && !candidate.isBlank()) {
				String cleaned = withoutSiteName(TITLE_AFFIXES.matcher(candidate.strip()).replaceAll("").strip(),
						siteName);
				if (!cleaned.isEmpty()) {
					return cleaned;
				}
			}
		}
		return Extractor.titleFromUrl(url);
	}

	/**
	 * The heading's text, and without a leading label or trailing note when it has one.
	 */
	private static List<String> variants(Element h1) {
		List<String> variants = new ArrayList<>();
		String text = h1.text().strip();
		if (text.isEmpty() || text.length() > 300) {
			return variants;
		}
		variants.add(text);
		String own = h1.ownText().strip();
		if (!own.isEmpty() && !own.equals(text)) {
			variants.add(own);
		}
		for (Element child : h1.children()) {
			String part = child.text().strip();
			if (part.length() >= 10 && !part.equals(text)) {
				variants.add(part);
			}
		}
		if (!h1.textNodes().isEmpty() && h1.childrenSize() > 0) {
			StringBuilder tail = new StringBuilder();
			for (TextNode node : h1.textNodes()) {
				tail.append(node.text());
			}
			String joined = tail.toString().strip().replaceAll("\\s+", " ");
			if (!joined.isEmpty() && !variants.contains(joined)) {
				variants.add(joined);
			}
		}
		return variants;
	}

	/**
	 * Whether a head title names this heading: the same, or the heading with the site's
	 * name before or after a separator.
	 */
	static boolean names(String reference, String heading) {
		if (heading.length() < 3) {
			return false;
		}
		if (reference.equals(heading)) {
			return true;
		}
		if (reference.startsWith(heading) && SEPARATOR.matcher(reference.substring(heading.length())).lookingAt()) {
			return true;
		}
		if (reference.endsWith(heading)) {
			String before = reference.substring(0, reference.length() - heading.length()).stripTrailing();
			return !before.isEmpty() && "-|–—:·»/".indexOf(before.charAt(before.length() - 1)) >= 0;
		}
		return false;
	}

	private static String withoutSiteName(String title, String siteName) {
		if (siteName == null || siteName.isBlank() || title.length() <= siteName.length()) {
			return title;
		}
		String lower = title.toLowerCase(Locale.ROOT);
		String site = siteName.strip().toLowerCase(Locale.ROOT);
		if (lower.endsWith(site)) {
			String rest = title.substring(0, title.length() - site.length()).stripTrailing();
			if (!rest.isEmpty() && "-|–—:·»/".indexOf(rest.charAt(rest.length() - 1)) >= 0) {
				return rest.substring(0, rest.length() - 1).strip();
			}
		}
		return title;
	}

	private static String normal(String text) {
		return text.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
