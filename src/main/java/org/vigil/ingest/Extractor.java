package org.vigil.ingest;

import java.time.ZoneId;
import java.util.List;

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

	private static final String COMMON_BODIES = "[itemprop=articleBody], .news-body, .editor-content, "
			+ ".article-body, .entry-content, .post-content, div.body, " + ".govspeak, .rich-text";

	// Queries parsed once: jsoup parses a query string again on every call.
	private static final Evaluator CANONICAL = Selector.evaluatorOf("link[rel=canonical][href]");

	private static final Evaluator HTML_LANG = Selector.evaluatorOf("html[lang]");

	private static final Evaluator PAYWALL_MARKS = Selector.evaluatorOf(".paywall, .premium-lock");

	private static final Evaluator CHROME_EVALUATOR = Selector.evaluatorOf(CHROME);

	private static final Evaluator COMMON_BODIES_EVALUATOR = Selector.evaluatorOf(COMMON_BODIES);

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
		String title = TitleFinder.find(doc, rules, hints, url);
		PublishedDate published = DateFinder.find(doc, rules, hints, zone);
		String author = AuthorFinder.find(doc, rules, hints);
		String pageLanguage = doc.selectFirst(HTML_LANG) != null
				? doc.selectFirst(HTML_LANG).attr("lang").toLowerCase().split("[-_]")[0] : null;
		boolean partial = paywalled(doc.body().text()) || !doc.select(PAYWALL_MARKS).isEmpty();

		for (String remove : rules.remove()) {
			doc.select(remove).remove();
		}
		doc.select(CHROME_EVALUATOR).remove();
		removeSmallForms(doc);
		Boilerplate.removeFrom(doc.body());
		String[] missed = new String[1];
		Element body = body(doc, rules, missed);
		BodyTrimmer.trim(body, title, zone);
		String bodyHtml = Sanitizer.html(body);
		String bodyText = Boilerplate.cleanText(Sanitizer.text(bodyHtml));
		if (bodyText.isBlank() && hints.summary() != null) {
			bodyText = hints.summary();
			bodyHtml = "<p>" + Entities.escape(bodyText) + "</p>";
			partial = true;
		}
		if (missed[0] != null) {
			partial = true;
		}
		String language = Languages.guess(bodyText,
				(pageLanguage != null && pageLanguage.length() == 2) ? pageLanguage : defaultLanguage);
		String type = ItemTypes.detect(url, title, bodyText, hints.type());
		return new Extraction(title, canonical, published, language, type, author, bodyHtml, bodyText, partial,
				missed[0]);
	}

	/**
	 * The site rule's body when it holds the article; otherwise the generic extractor's,
	 * with the reason the rule missed in {@code missed[0]}.
	 */
	private static Element body(Document doc, Selectors rules, String[] missed) {
		if (rules.body() == null) {
			return generic(doc);
		}
		Elements parts;
		try {
			parts = doc.select(rules.body());
		}
		catch (Selector.SelectorParseException ex) {
			parts = new Elements();
		}
		missed[0] = SiteRuleCheck.plainMiss(rules.body(), parts).orElse(null);
		if (missed[0] != null) {
			return generic(doc);
		}
		Element fromRule = wrap(doc, parts);
		String ruleText = parts.text().strip();
		if (ruleText.length() < SiteRuleCheck.SHORT_TEXT) {
			Element generic = generic(doc.clone());
			missed[0] = SiteRuleCheck.shortMiss(rules.body(), ruleText, generic.text().strip()).orElse(null);
			if (missed[0] != null) {
				return generic;
			}
		}
		return fromRule;
	}

	private static Element generic(Document doc) {
		Elements common = doc.select(COMMON_BODIES_EVALUATOR);
		if (!common.isEmpty() && common.text().length() > 200) {
			// Only outermost matches, so nested ones are not repeated.
			Elements outer = new Elements();
			for (Element element : common) {
				if (element.parents().stream().noneMatch(common::contains)) {
					outer.add(element);
				}
			}
			// Known body containers still hold galleries and link boxes: cleaned as the
			// generic extractor's own candidate would be.
			return MainText.cleaned(wrap(doc, outer));
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

	static String firstText(Document doc, Evaluator selector) {
		Element element = doc.selectFirst(selector);
		return (element != null && !element.text().isBlank()) ? element.text().strip() : null;
	}

	static String firstText(Document doc, String selector) {
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

	static String attr(Document doc, Evaluator selector, String attribute) {
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
