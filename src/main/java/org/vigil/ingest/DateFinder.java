package org.vigil.ingest;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

import org.vigil.sources.Selectors;

/**
 * Reads a page's publication date, most trusted place first: the site rule, JSON-LD, meta
 * tags, {@code <time>}, date lines; then, for pages that print their date nowhere else, a
 * short line near the top, then the heading and the head title ("Contracts For Sept. 30,
 * 2025"); last, what the listing said. The precision (a date or a moment) is the one the
 * text gave.
 */
final class DateFinder {

	private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");

	private static final Evaluator JSON_LD = Selector.evaluatorOf("script[type=application/ld+json]");

	private static final Evaluator TIME = Selector.evaluatorOf("time");

	private static final Evaluator DATE_LINES = Selector
		.evaluatorOf(".date, .event-date, .news-date, .published, .date-line, .da_story_info");

	private static final Evaluator HEADINGS = Selector.evaluatorOf("h1");

	private static final Evaluator SHORT_LINES = Selector.evaluatorOf("p, div, span, li");

	private static final List<Evaluator> DATE_METAS = Stream
		.of("meta[property=article:published_time]", "meta[itemprop=datePublished]", "meta[name=date]",
				"meta[name=dcterms.date]", "meta[name=DC.date.issued]", "meta[name=pubdate]",
				"meta[name=parsely-pub-date]",
				// A site's own first-publication meta ("<site>:first-published-at").
				"meta[name~=(?i)^([a-z]+:)?first[-_]published([-_](at|date|time))?$]")
		.map(Selector::evaluatorOf)
		.toList();

	private DateFinder() {
	}

	static PublishedDate find(Document doc, Selectors rules, Hints hints, ZoneId zone) {
		if (hints.published() != null && hints.published().precision() == PublishedDate.Precision.TIME) {
			return hints.published();
		}
		List<String> candidates = new ArrayList<>();
		if (rules.date() != null) {
			Element element = doc.selectFirst(rules.date());
			if (element != null) {
				candidates.add(element.hasAttr("datetime") ? element.attr("datetime") : element.text());
			}
		}
		for (Element script : doc.select(JSON_LD)) {
			Matcher m = JSON_LD_DATE.matcher(script.data());
			if (m.find()) {
				candidates.add(m.group(1));
			}
		}
		for (Evaluator meta : DATE_METAS) {
			String value = Extractor.attr(doc, meta, "content");
			if (value != null) {
				candidates.add(value);
			}
		}
		for (Element time : doc.select(TIME)) {
			candidates.add(time.hasAttr("datetime") ? time.attr("datetime") : time.text());
		}
		for (Element element : doc.select(DATE_LINES)) {
			candidates.add(element.text());
		}
		for (String candidate : candidates) {
			Optional<PublishedDate> date = DateParser.parse(candidate, zone);
			if (date.isPresent()) {
				return date.get();
			}
		}
		// A short line near the top that reads as a date ("Nr. 289
		// 10.09.2026").
		int tried = 0;
		for (Element element : doc.body().select(SHORT_LINES)) {
			String own = element.ownText();
			if (!own.isEmpty() && own.length() < 80 && tried++ < 40) {
				String text = element.text();
				Optional<PublishedDate> date = (text.length() < 80) ? DateParser.parse(text, zone) : Optional.empty();
				if (date.isPresent()) {
					return date.get();
				}
			}
		}
		// A page with no date element may say it in its heading: a daily contracts page
		// is "Contracts For Sept. 30, 2025" and nothing else.
		List<String> headings = new ArrayList<>();
		for (Element heading : doc.select(HEADINGS)) {
			headings.add(heading.text());
		}
		headings.add(doc.title());
		for (String heading : headings) {
			Optional<PublishedDate> date = (heading.length() < 200) ? DateParser.parse(heading, zone)
					: Optional.empty();
			if (date.isPresent()) {
				return date.get();
			}
		}
		return hints.published();
	}

}
