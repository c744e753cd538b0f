package org.vigil.ingest;

import java.time.ZoneId;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Trims a found body of what is around the text rather than the text: the title and date
 * line that open it, blocks named as chrome (share, related, tags) and trailing lists of
 * links or images.
 */
final class BodyTrimmer {

	private static final Pattern NEGATIVE = Pattern.compile(
			"(?i)cookie|consent|gdpr|share|sharing|social|related|newsletter|breadcrumb|comment|advert|promo|sidebar|"
					+ "menu|navbar|popup|modal|footer|masthead|banner|subscribe|widget|pagination|print-only|skip-link|tags?$");

	private static final Pattern POSITIVE = Pattern
		.compile("(?i)article|body|content|entry|main|page|post|text|story|rich-text|news-body|editor");

	private static final Evaluator LINKS = Selector.evaluatorOf("a");

	private static final Evaluator ALL = Selector.evaluatorOf("*");

	private static final Evaluator NAMED = Selector.evaluatorOf("[class], [id]");

	private static final Evaluator IMAGES = Selector.evaluatorOf("img");

	private BodyTrimmer() {
	}

	static void trim(Element body, String title, ZoneId zone) {
		removeHeading(body, title, zone);
		removeNegativeBlocks(body);
		removeTrailingLinkLists(body);
	}

	private static double linkDensity(Element element, int length) {
		if (length == 0) {
			return 1;
		}
		int links = 0;
		for (Element link : element.select(LINKS)) {
			links += link.text().length();
		}
		return Math.min(1, (double) links / length);
	}

	/**
	 * The title and the date line that open most article bodies are metadata, not text.
	 */
	private static void removeHeading(Element body, String title, ZoneId zone) {
		for (Element element : body.select(ALL)) {
			if (element == body) {
				continue;
			}
			String text = element.text().strip();
			if (element.ownText().length() > 80) {
				return;
			}
			if (element.parent() != null && (text.equals(title)
					|| text.length() < 80 && element.isBlock() && DateParser.parse(text, zone).isPresent())) {
				element.remove();
			}
		}
	}

	private static void removeNegativeBlocks(Element body) {
		int total = body.text().length();
		for (Element element : body.select(NAMED)) {
			if (element.parent() == null || element == body) {
				continue;
			}
			String names = element.className() + " " + element.id();
			if (NEGATIVE.matcher(names).find() && !POSITIVE.matcher(names).find()
					&& element.text().length() < total / 2) {
				element.remove();
			}
		}
	}

	private static void removeTrailingLinkLists(Element body) {
		Element last = body.children().last();
		while (last != null && last != body) {
			String text = last.text();
			if (!(text.isBlank() && last.select(IMAGES).size() > 0
					|| text.length() > 0 && linkDensity(last, text.length()) > 0.8 && !last.select(LINKS).isEmpty())) {
				break;
			}
			last.remove();
			last = body.children().last();
		}
	}

}
