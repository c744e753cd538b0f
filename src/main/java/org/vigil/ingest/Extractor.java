package org.vigil.ingest;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

import org.vigil.sources.Selectors;

/**
 * Reads an article page (HTML or plain text) into an {@link Extraction}: the source's
 * site rules where it has them, a Readability-style scorer for the main text otherwise,
 * boilerplate removed, sanitized last.
 */
final class Extractor {

	private static final String CHROME = "script, style, noscript, iframe, template, svg, button, input, select, "
			+ "textarea, nav, footer, aside, dialog, [role=dialog], [aria-modal=true], [role=navigation], [hidden], "
			+ "#comments, .comments, link, meta, object, embed";

	private static final Pattern NEGATIVE = Pattern.compile(
			"(?i)cookie|consent|gdpr|share|sharing|social|related|newsletter|breadcrumb|comment|advert|promo|sidebar|"
					+ "menu|navbar|popup|modal|footer|masthead|banner|subscribe|widget|pagination|print-only|skip-link|tags?$");

	private static final Pattern POSITIVE = Pattern
		.compile("(?i)article|body|content|entry|main|page|post|text|story|rich-text|news-body|editor");

	private static final String COMMON_BODIES = "[itemprop=articleBody], .news-body, .editor-content, "
			+ ".ca04-rich-text .cmp-text__background-container, .article-body, .entry-content, .post-content, div.body, "
			+ ".govspeak, .rich-text";

	private static final Pattern TITLE_AFFIXES = Pattern.compile(
			"(?i)^(NATO\\s*-\\s*(News|Opinion|Speech|Press release)?:?\\s*)|(\\s+[-|–]\\s+(NATO|GOV\\.UK|Portal Gov\\.pl|"
					+ "Defence24(\\.pl|\\.com)?|Energetyka24|BMVg|Bundesministerium der Verteidigung|"
					+ "U\\.S\\. Department of (Defense|War)|Ministerul Apărării Naționale))+$|,\\s*\\d{1,2}-\\w{3}\\.?-\\d{4}$");

	private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern JSON_LD_AUTHOR = Pattern
		.compile("\"author\"\\s*:\\s*(?:\\[\\s*)?(?:\\{[^}]*?\"name\"\\s*:\\s*\"([^\"]+)\"|\"([^\"]+)\")");

	// Queries parsed once: jsoup parses a query string again on every call.
	private static final Evaluator CANONICAL = Selector.evaluatorOf("link[rel=canonical][href]");

	private static final Evaluator HTML_LANG = Selector.evaluatorOf("html[lang]");

	private static final Evaluator PAYWALL_MARKS = Selector.evaluatorOf(".paywall, .premium-lock");

	private static final Evaluator OG_TITLE = Selector.evaluatorOf("meta[property=og:title]");

	private static final Evaluator H1 = Selector.evaluatorOf("h1");

	private static final Evaluator H2_TITLES = Selector.evaluatorOf("h2.title, h2.titlu, .title h2, h2");

	private static final Evaluator JSON_LD = Selector.evaluatorOf("script[type=application/ld+json]");

	private static final Evaluator TIME = Selector.evaluatorOf("time");

	private static final Evaluator DATE_LINES = Selector
		.evaluatorOf(".date, .event-date, .news-date, .published, .date-line, .da_story_info");

	private static final Evaluator SHORT_LINES = Selector.evaluatorOf("p, div, span, li");

	private static final Evaluator META_AUTHOR = Selector.evaluatorOf("meta[name=author]");

	private static final Evaluator BYLINES = Selector
		.evaluatorOf("[rel=author], .byline, .author-name, .news-author-name-container span");

	private static final Evaluator PARAGRAPHS = Selector
		.evaluatorOf("p, pre, blockquote, td, li, div:not(:has(div, p, ul, ol, table))");

	private static final Evaluator LINKS = Selector.evaluatorOf("a");

	private static final Evaluator ALL = Selector.evaluatorOf("*");

	private static final Evaluator NAMED = Selector.evaluatorOf("[class], [id]");

	private static final Evaluator IMAGES = Selector.evaluatorOf("img");

	private static final Evaluator CHROME_EVALUATOR = Selector.evaluatorOf(CHROME);

	private static final Evaluator COMMON_BODIES_EVALUATOR = Selector.evaluatorOf(COMMON_BODIES);

	private static final List<Evaluator> DATE_METAS = Stream
		.of("meta[property=article:published_time]", "meta[itemprop=datePublished]", "meta[name=date]",
				"meta[name=dcterms.date]", "meta[name=DC.date.issued]", "meta[name=pubdate]")
		.map(Selector::evaluatorOf)
		.toList();

	private static final List<String> PAYWALL = List.of("włącz premium", "wlacz premium", "dostęp premium",
			"subscribe to read", "for subscribers only", "artykuł premium");

	private Extractor() {
	}

	/** Whether content looks like HTML rather than plain text. */
	static boolean looksLikeHtml(String content) {
		String head = content.substring(0, Math.min(2048, content.length())).strip().toLowerCase();
		return head.startsWith("<") || head.contains("<html") || head.contains("<body") || head.contains("<p>")
				|| head.contains("<div");
	}

	static Extraction extract(String url, String content, Selectors selectors, Hints hints, ZoneId zone,
			String defaultLanguage) {
		Selectors rules = (selectors != null) ? selectors : Selectors.NONE;
		Hints known = (hints != null) ? hints : Hints.NONE;
		return looksLikeHtml(content) ? html(url, content, rules, known, zone, defaultLanguage)
				: text(url, content, known, defaultLanguage);
	}

	private static Extraction text(String url, String content, Hints hints, String defaultLanguage) {
		String text = Boilerplate.cleanText(content);
		String firstLine = text.lines().findFirst().orElse("").strip();
		String title = hints.title();
		if (title == null) {
			title = (firstLine.length() > 0 && firstLine.length() <= 150 && !firstLine.endsWith(".")
					&& !firstLine.startsWith("(")) ? firstLine : titleFromUrl(url);
		}
		StringBuilder html = new StringBuilder();
		for (String paragraph : text.split("\n")) {
			if (!paragraph.isBlank()) {
				html.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>");
			}
		}
		String type = ItemTypes.detect(url, title, text, hints.type());
		return new Extraction(title, null, hints.published(), Languages.guess(text, defaultLanguage), type,
				hints.author(), html.toString(), text, paywalled(text));
	}

	private static Extraction html(String url, String content, Selectors rules, Hints hints, ZoneId zone,
			String defaultLanguage) {
		Document doc = Jsoup.parse(content, (url != null) ? url : "");
		String canonical = doc.select(CANONICAL)
			.stream()
			.map(link -> link.absUrl("href"))
			.filter(href -> !href.isBlank())
			.findFirst()
			.orElse(null);
		String title = title(doc, rules, hints, url);
		PublishedDate published = published(doc, rules, hints, zone);
		String author = author(doc, rules, hints);
		String pageLanguage = doc.selectFirst(HTML_LANG) != null
				? doc.selectFirst(HTML_LANG).attr("lang").toLowerCase().split("[-_]")[0] : null;
		boolean partial = paywalled(doc.body().text()) || !doc.select(PAYWALL_MARKS).isEmpty();

		for (String remove : rules.remove()) {
			doc.select(remove).remove();
		}
		doc.select(CHROME_EVALUATOR).remove();
		removeSmallForms(doc);
		Boilerplate.removeFrom(doc.body());
		Element body = body(doc, rules);
		removeHeading(body, title, zone);
		removeNegativeBlocks(body);
		removeTrailingLinkLists(body);
		String bodyHtml = Sanitizer.html(body);
		String bodyText = Boilerplate.cleanText(Sanitizer.text(bodyHtml));
		if (bodyText.isBlank() && hints.summary() != null) {
			bodyText = hints.summary();
			bodyHtml = "<p>" + Entities.escape(bodyText) + "</p>";
			partial = true;
		}
		String language = Languages.guess(bodyText,
				(pageLanguage != null && pageLanguage.length() == 2) ? pageLanguage : defaultLanguage);
		String type = ItemTypes.detect(url, title, bodyText, hints.type());
		return new Extraction(title, canonical, published, language, type, author, bodyHtml, bodyText, partial);
	}

	private static String title(Document doc, Selectors rules, Hints hints, String url) {
		String fromRule = firstText(doc, rules.title());
		if (fromRule != null) {
			return fromRule;
		}
		String og = attr(doc, OG_TITLE, "content");
		String head = doc.title().strip();
		for (Element h1 : doc.select(H1)) {
			String text = h1.text().strip();
			if (!text.isEmpty() && ((og != null && og.startsWith(text)) || head.startsWith(text) || head.endsWith(text)
					|| hints.title() != null && hints.title().startsWith(text))) {
				return text;
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
		for (String candidate : new String[] { og, head, firstText(doc, H1) }) {
			if (candidate != null && !candidate.isBlank()) {
				String cleaned = TITLE_AFFIXES.matcher(candidate.strip()).replaceAll("").strip();
				if (!cleaned.isEmpty()) {
					return cleaned;
				}
			}
		}
		return titleFromUrl(url);
	}

	private static PublishedDate published(Document doc, Selectors rules, Hints hints, ZoneId zone) {
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
			String value = attr(doc, meta, "content");
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
		// Last resort: a short line near the top that reads as a date ("Nr. 289
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
		return hints.published();
	}

	private static String author(Document doc, Selectors rules, Hints hints) {
		String fromRule = firstText(doc, rules.author());
		if (fromRule != null) {
			return fromRule;
		}
		String meta = attr(doc, META_AUTHOR, "content");
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

	private static Element body(Document doc, Selectors rules) {
		if (rules.body() != null) {
			Elements parts = doc.select(rules.body());
			if (!parts.isEmpty() && !parts.text().isBlank()) {
				return wrap(doc, parts);
			}
		}
		Elements common = doc.select(COMMON_BODIES_EVALUATOR);
		if (!common.isEmpty() && common.text().length() > 200) {
			// Only outermost matches, so nested ones are not repeated.
			Elements outer = new Elements();
			for (Element element : common) {
				if (element.parents().stream().noneMatch(common::contains)) {
					outer.add(element);
				}
			}
			return wrap(doc, outer);
		}
		return MainText.of(doc);
	}

	/**
	 * Search boxes and sign-up forms go; a form that holds the page (ASP.NET wraps every
	 * page in one, ArticleCS print views included) stays.
	 */
	private static void removeSmallForms(Document doc) {
		for (Element form : doc.body().getElementsByTag("form")) {
			if (form.parent() != null && form.text().length() < 300) {
				form.remove();
			}
		}
	}

	private static Element wrap(Document doc, List<Element> parts) {
		Element wrapper = doc.createElement("div");
		for (Element part : parts) {
			wrapper.appendChild(part.clone());
		}
		Document holder = Document.createShell(doc.location());
		holder.body().appendChild(wrapper);
		return wrapper;
	}

	/** Readability's idea: paragraphs vote for their parent and grandparent. */
	private static Element readable(Document doc) {
		Map<Element, Double> scores = new IdentityHashMap<>();
		for (Element paragraph : doc.body().select(PARAGRAPHS)) {
			String text = paragraph.text();
			if (text.length() < 25) {
				continue;
			}
			double score = 1 + text.split(",", -1).length - 1 + Math.min(text.length() / 100.0, 3);
			Element parent = paragraph.parent();
			if (parent == null) {
				continue;
			}
			scores.merge(parent, score, Double::sum);
			if (parent.parent() != null) {
				scores.merge(parent.parent(), score / 2, Double::sum);
			}
		}
		Element best = null;
		double bestScore = 0;
		for (Map.Entry<Element, Double> entry : scores.entrySet()) {
			Element element = entry.getKey();
			double score = (entry.getValue() + classWeight(element)) * (1 - linkDensity(element));
			if (score > bestScore) {
				bestScore = score;
				best = element;
			}
		}
		if (best == null) {
			return doc.body();
		}
		return wrap(doc, List.of(best));
	}

	private static double classWeight(Element element) {
		String names = element.className() + " " + element.id();
		double weight = 0;
		if (NEGATIVE.matcher(names).find()) {
			weight -= 25;
		}
		if (POSITIVE.matcher(names).find()) {
			weight += 25;
		}
		if (element.nameIs("article") || element.nameIs("main")) {
			weight += 10;
		}
		return weight;
	}

	private static double linkDensity(Element element) {
		return linkDensity(element, element.text().length());
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

	private static String firstText(Document doc, Evaluator selector) {
		Element element = doc.selectFirst(selector);
		return (element != null && !element.text().isBlank()) ? element.text().strip() : null;
	}

	private static String firstText(Document doc, String selector) {
		if (selector == null || selector.isBlank()) {
			return null;
		}
		try {
			Element element = doc.selectFirst(selector);
			return (element != null && !element.text().isBlank()) ? element.text().strip() : null;
		}
		catch (Selector.SelectorParseException ex) {
			return null;
		}
	}

	private static String attr(Document doc, Evaluator selector, String attribute) {
		Element element = doc.selectFirst(selector);
		return (element != null && !element.attr(attribute).isBlank()) ? element.attr(attribute).strip() : null;
	}

	/**
	 * Plain substring tests: a regex over the whole page text costs more than the parse.
	 */
	private static boolean paywalled(String text) {
		String lower = text.toLowerCase(java.util.Locale.ROOT);
		for (String phrase : PAYWALL) {
			if (lower.contains(phrase)) {
				return true;
			}
		}
		return false;
	}

	static String titleFromUrl(String url) {
		if (url == null || url.isBlank()) {
			return "(untitled)";
		}
		String name = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\.(html?|txt|php|aspx?)$", "");
		name = name.replaceAll("[-_]+", " ").strip();
		return name.isEmpty() ? "(untitled)" : name;
	}

}
