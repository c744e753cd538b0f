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
 * Reads a page's title from its heading, reconciled with the metadata titles and
 * {@code <title>}: the heading wins when one of them names it (with the site's name
 * around it), so the site's suffix goes; a heading that carries a label ("News story
 * Title") gives the part the head confirms; a heading that is the site's own name is not
 * the title. Without a confirmed heading, the metadata title, then the head title, each
 * without the site's name and labels (see {@link SiteSuffix}).
 */
final class TitleFinder {

	/** What separates a title from the site's name in a head title. */
	private static final Pattern SEPARATOR = Pattern.compile("^\\s*[-|–—:·»/>]\\s*");

	private static final String SEPARATORS = "-|–—:·»/>";

	/** Metadata titles, most specific first ({@code property} may list several names). */
	private static final List<String> META_TITLES = List.of("dc:title", "dcterm:title", "og:title", "title",
			"twitter:title", "parsely-title");

	private static final Evaluator METAS = Selector.evaluatorOf("meta[content]");

	private static final Evaluator HEAD_TITLES = Selector.evaluatorOf("title");

	private static final Evaluator H1 = Selector.evaluatorOf("h1");

	/** Second-level headings marked as titles ("titlu" in Romanian). */
	private static final Evaluator H2_TITLES = Selector.evaluatorOf("h2.title, h2.titlu, .title h2");

	private static final Evaluator H2 = Selector.evaluatorOf("h2");

	private TitleFinder() {
	}

	static String find(Document doc, Selectors rules, Hints hints, String url) {
		String fromRule = Extractor.firstText(doc, rules.title());
		if (fromRule != null) {
			return fromRule;
		}
		String meta = metaTitle(doc);
		String head = headTitle(doc);
		SiteSuffix site = SiteSuffix.of(doc, url);
		List<String> references = new ArrayList<>();
		for (String reference : new String[] { meta, head, hints.title() }) {
			if (reference != null && !reference.isBlank()) {
				references.add(normal(reference));
			}
		}
		String confirmed = confirmedHeading(doc, references, (meta != null) ? normal(meta) : null, site);
		if (confirmed != null) {
			return confirmed;
		}
		if (hints.title() != null) {
			return hints.title();
		}
		if (meta != null) {
			String cleaned = site.withoutSiteName(meta);
			if (!cleaned.isEmpty()) {
				return cleaned;
			}
		}
		// A head title of one word ("Print", "Article") names the template, not the page.
		String heading = Extractor.firstText(doc, H1);
		if (heading != null && (head.isEmpty() || heading.contains(" ") && !head.contains(" "))) {
			return heading;
		}
		// Pages without h1 headings often carry the title in an h2, and the site's name
		// and section in the head title.
		String subheading = (heading == null) ? subheading(doc, H2_TITLES) : null;
		if (subheading != null) {
			return subheading;
		}
		if (!head.isEmpty()) {
			String cleaned = site.withoutLabels(head);
			return cleaned.isEmpty() ? head : cleaned;
		}
		subheading = subheading(doc, H2);
		return (subheading != null) ? subheading : Extractor.titleFromUrl(url);
	}

	private static String subheading(Document doc, Evaluator headings) {
		for (Element h2 : doc.select(headings)) {
			String text = h2.text().strip();
			if (text.length() >= 15 && text.length() <= 250) {
				return text;
			}
		}
		return null;
	}

	/**
	 * The heading a reference title names; the head naming it exactly beats naming it
	 * first, which beats naming it last (sites put their name after the title more often
	 * than before it).
	 */
	private static String confirmedHeading(Document doc, List<String> references, String meta, SiteSuffix site) {
		String best = null;
		int bestRank = Integer.MAX_VALUE;
		for (Element h1 : doc.select(H1)) {
			for (String heading : variants(h1)) {
				String normal = normal(heading);
				for (String reference : references) {
					int rank = rank(reference, normal);
					if (rank < bestRank && !siteHeading(reference, normal, meta, site)) {
						best = heading;
						bestRank = rank;
					}
				}
			}
		}
		if (best != null) {
			return best;
		}
		for (Element h1 : doc.select(H1)) {
			String text = normal(h1.text());
			for (String reference : references) {
				if (!text.isEmpty() && (reference.startsWith(text) || reference.endsWith(text))
						&& !siteHeading(reference, text, meta, site)) {
					return h1.text().strip();
				}
			}
		}
		return null;
	}

	/**
	 * A heading that is the site's name, or that the head title names beside the metadata
	 * title ("Blog name: Post title"), is the site's, not the page's.
	 */
	private static boolean siteHeading(String reference, String heading, String meta, SiteSuffix site) {
		return site.isSiteName(heading) || meta != null && !meta.equals(heading) && !reference.equals(heading)
				&& rest(reference, heading).equals(meta);
	}

	/** 0 the same, 1 heading then separator, 2 separator then heading, else no match. */
	private static int rank(String reference, String heading) {
		if (heading.length() < 3) {
			return Integer.MAX_VALUE;
		}
		if (reference.equals(heading)) {
			return 0;
		}
		if (reference.startsWith(heading) && SEPARATOR.matcher(reference.substring(heading.length())).lookingAt()) {
			return 1;
		}
		if (reference.endsWith(heading)) {
			String before = reference.substring(0, reference.length() - heading.length()).stripTrailing();
			if (!before.isEmpty() && SEPARATORS.indexOf(before.charAt(before.length() - 1)) >= 0) {
				return 2;
			}
		}
		return Integer.MAX_VALUE;
	}

	/** What a reference holds besides the heading and the separator. */
	private static String rest(String reference, String heading) {
		String rest = reference.startsWith(heading) ? reference.substring(heading.length())
				: reference.substring(0, reference.length() - heading.length());
		return rest.replaceAll("^\\s*[-|–—:·»/>]\\s*|\\s*[-|–—:·»/>]\\s*$", "").strip();
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
	 * The first metadata title in order of {@link #META_TITLES}; {@code property} and
	 * {@code name} may hold several space-separated names.
	 */
	static String metaTitle(Document doc) {
		// A property names a title more deliberately than a name does.
		String[] found = new String[2 * META_TITLES.size()];
		for (Element meta : doc.select(METAS)) {
			String content = meta.attr("content").strip();
			if (!content.isEmpty()) {
				remember(found, meta.attr("property"), 0, content);
				remember(found, meta.attr("name") + " " + meta.attr("itemprop"), META_TITLES.size(), content);
			}
		}
		for (String title : found) {
			if (title != null) {
				return title;
			}
		}
		return null;
	}

	private static void remember(String[] found, String names, int offset, String content) {
		for (String name : names.toLowerCase(Locale.ROOT).split("\\s+")) {
			int index = META_TITLES.indexOf(name.replace("dc.", "dc:"));
			if (index >= 0 && found[offset + index] == null) {
				found[offset + index] = content;
			}
		}
	}

	/**
	 * The first non-blank {@code <title>} that is not an icon's ({@code <svg><title>}).
	 */
	private static String headTitle(Document doc) {
		for (Element title : doc.select(HEAD_TITLES)) {
			if (!ElementSignals.inside(title, "svg") && !title.text().isBlank()) {
				return title.text().strip().replaceAll("\\s+", " ");
			}
		}
		return "";
	}

	private static String normal(String text) {
		return text.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
