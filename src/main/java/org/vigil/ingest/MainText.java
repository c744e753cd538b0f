package org.vigil.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Finds the main text of a page that has no site rule, the way Readability does:
 * paragraphs vote for their ancestors, the best candidate is widened to ancestors that
 * hold several good candidates and to siblings that read like text, then cleaned of
 * link-heavy and form-like blocks. When what is left is short, it tries again with fewer
 * removals (first keeping "unlikely" blocks, then ignoring class names, then cleaning
 * nothing) and keeps the longest result, which is Readability's and trafilatura's answer
 * to pages whose markup misleads the first pass.
 */
final class MainText {

	private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

	private static final Set<String> SCORED = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");

	private static final Set<String> BLOCKS = Set.of("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
			"section", "article", "header", "footer", "aside", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "form",
			"main", "nav", "li", "hr");

	private static final int STRIP_UNLIKELY = 1;

	private static final int WEIGHT_CLASSES = 2;

	private static final int CLEAN_CONDITIONALLY = 4;

	private static final int ENOUGH_TEXT = 500;

	private MainText() {
	}

	/** The main text of the page, in a detached wrapper. */
	static Element of(Document doc) {
		Element best = null;
		int bestLength = -1;
		for (int flags : new int[] { 7, 6, 4, 0 }) {
			Element body = doc.body().clone();
			Element article = grab(body, flags, doc.location());
			int length = article.text().length();
			if (length >= ENOUGH_TEXT) {
				return article;
			}
			if (length > bestLength) {
				best = article;
				bestLength = length;
			}
		}
		return best;
	}

	/** A body found by other means, cleaned as a candidate of this extractor is. */
	static Element cleaned(Element body) {
		return clean(body, STRIP_UNLIKELY | WEIGHT_CLASSES | CLEAN_CONDITIONALLY);
	}

	private static Element clean(Element article, int flags) {
		return MainTextCleaner.clean(article, (flags & WEIGHT_CLASSES) != 0, (flags & CLEAN_CONDITIONALLY) != 0);
	}

	private static Element grab(Element body, int flags, String location) {
		List<Element> paragraphs = new ArrayList<>();
		for (Element element : body.getAllElements()) {
			if (element == body || element.parent() == null || !attached(element, body)) {
				continue;
			}
			if (ElementSignals.hidden(element) || (flags & STRIP_UNLIKELY) != 0 && ElementSignals.unlikely(element)) {
				element.remove();
				continue;
			}
			String tag = element.normalName();
			if (SCORED.contains(tag) || tag.equals("div") && !hasBlockChild(element)) {
				paragraphs.add(element);
			}
			else if (tag.equals("div") && element.ownText().length() >= 25) {
				paragraphs.add(element);
			}
		}
		Map<Element, Double> scores = new IdentityHashMap<>();
		List<Element> candidates = new ArrayList<>();
		for (Element paragraph : paragraphs) {
			if (paragraph.parent() == null || !attached(paragraph, body)) {
				continue;
			}
			String text = hasBlockChild(paragraph) ? paragraph.ownText() : paragraph.text();
			if (text.length() < 25) {
				continue;
			}
			double score = 1 + TextStats.commas(text) + Math.min(text.length() / 100, 3);
			Element ancestor = hasBlockChild(paragraph) ? paragraph : paragraph.parent();
			for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
				if (!scores.containsKey(ancestor)) {
					scores.put(ancestor, initialScore(ancestor, flags));
					candidates.add(ancestor);
				}
				double divider = (level == 0) ? 1 : (level == 1) ? 2 : level * 3;
				scores.merge(ancestor, score / divider, Double::sum);
			}
		}
		Map<Element, TextStats> stats = new IdentityHashMap<>();
		TextStats.measure(body, 0, stats);
		Element top = null;
		double topScore = 0;
		List<Element> tops;
		for (Element candidate : candidates) {
			TextStats measured = stats.get(candidate);
			double density = (measured != null) ? measured.linkDensity() : TextStats.linkDensity(candidate);
			double score = scores.get(candidate) * (1 - density);
			scores.put(candidate, score);
			if (top == null || score > topScore) {
				top = candidate;
				topScore = score;
			}
		}
		candidates.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
		tops = candidates.subList(0, Math.min(5, candidates.size()));
		if (top == null || top == body || top.normalName().equals("html")) {
			return clean(wrap(List.of(body), location), flags);
		}
		top = widen(top, topScore, tops, scores, body);
		topScore = scores.getOrDefault(top, topScore);
		List<Element> parts = new ArrayList<>();
		Element parent = top.parent();
		double threshold = Math.max(10, topScore * 0.2);
		for (Element sibling : (parent != null) ? parent.children() : List.of(top)) {
			if (sibling == top || keepSibling(sibling, top, topScore, threshold, scores)) {
				parts.add(sibling);
			}
		}
		return clean(wrap(parts, location), flags);
	}

	/**
	 * Several good candidates under one ancestor mean the text is split in parts: take
	 * the ancestor. A parent that scores better than the candidate, or is its only
	 * wrapper, too.
	 */
	private static Element widen(Element top, double topScore, List<Element> tops, Map<Element, Double> scores,
			Element body) {
		List<List<Element>> alternatives = new ArrayList<>();
		for (Element other : tops) {
			if (other != top && scores.get(other) / topScore >= 0.75) {
				alternatives.add(other.parents());
			}
		}
		if (alternatives.size() >= 3) {
			for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
				int containing = 0;
				for (List<Element> parents : alternatives) {
					if (parents.contains(ancestor)) {
						containing++;
					}
				}
				if (containing >= 3) {
					top = ancestor;
					break;
				}
			}
		}
		double lastScore = scores.getOrDefault(top, topScore);
		double threshold = lastScore / 3;
		for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
			Double parentScore = scores.get(parent);
			if (parentScore == null) {
				continue;
			}
			if (parentScore < threshold) {
				break;
			}
			if (parentScore > lastScore) {
				top = parent;
				break;
			}
			lastScore = parentScore;
		}
		while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
			top = top.parent();
		}
		return top;
	}

	private static boolean keepSibling(Element sibling, Element top, double topScore, double threshold,
			Map<Element, Double> scores) {
		double bonus = (!top.className().isEmpty() && sibling.className().equals(top.className())) ? topScore * 0.2 : 0;
		Double score = scores.get(sibling);
		if (score != null && score + bonus >= threshold) {
			return true;
		}
		if (sibling.nameIs("p") || sibling.nameIs("div") && !hasBlockChild(sibling)) {
			String text = sibling.text();
			double density = TextStats.linkDensity(sibling);
			return text.length() > 80 && density < 0.25
					|| text.length() > 0 && text.length() < 80 && density == 0 && SENTENCE_END.matcher(text).find();
		}
		return false;
	}

	private static double initialScore(Element element, int flags) {
		double score = ((flags & WEIGHT_CLASSES) != 0) ? ElementSignals.classWeight(element) : 0;
		switch (element.normalName()) {
			case "div":
				return score + 5;
			case "pre", "td", "blockquote":
				return score + 3;
			case "address", "ol", "ul", "dl", "dd", "dt", "li", "form":
				return score - 3;
			case "h1", "h2", "h3", "h4", "h5", "h6", "th":
				return score - 5;
			default:
				return score;
		}
	}

	private static boolean hasBlockChild(Element element) {
		for (Element child : element.children()) {
			if (BLOCKS.contains(child.normalName())) {
				return true;
			}
		}
		return false;
	}

	private static boolean attached(Element element, Element root) {
		Element parent = element;
		while (parent != null && parent != root) {
			parent = parent.parent();
		}
		return parent == root;
	}

	private static Element wrap(List<Element> parts, String location) {
		// The page's address stays the base for relative links and images.
		Document holder = Document.createShell(location);
		Element wrapper = holder.body().appendElement("div");
		for (Element part : new ArrayList<>(parts)) {
			wrapper.appendChild(part.nameIs("body") ? wrapBody(part) : part);
		}
		return wrapper;
	}

	private static Element wrapBody(Element body) {
		Element div = new Element("div");
		for (Node child : new ArrayList<>(body.childNodes())) {
			div.appendChild(child);
		}
		return div;
	}

}
