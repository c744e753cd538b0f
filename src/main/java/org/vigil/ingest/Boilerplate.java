package org.vigil.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Recognises the boilerplate that sources wrap around their statements, in plain text and
 * in pages: a media account's login modal, a press office's contact header, cookie
 * banners, "read also" boxes and trailing lists of image links.
 */
final class Boilerplate {

	/** A block from a first line to a last line, both known (folded text). */
	private record Block(String start, String end, int maxLines, Pattern domStart) {

	}

	private static final List<Block> BLOCKS = List.of(
			new Block("multimedia account", "log in with your new password", 120,
					Pattern.compile("(?i)\\bMULTIMEDIA ACCOUNT\\b")),
			new Block("directia informare si relatii publice", "contact:", 8,
					Pattern.compile("(?i)Direc[tţț]ia Informare [sşș]i Rela[tţț]ii Publice")),
			new Block("hotline:", "hotline:", 1, Pattern.compile("(?i)^\\s*Hotline:")));

	private static final Pattern READ_ALSO_DOM = Pattern.compile(
			"(?i)^\\s*(czytaj (też|także|również)|zobacz (też|także)|read (also|more)|see also|citește și|lesen sie auch)");

	private static final Pattern READ_ALSO = Pattern.compile(
			"^\\s*(czytaj (tez|takze|rowniez)|zobacz (tez|takze)|read (also|more)|see also|citeste si|lesen sie auch|(a )?lire aussi)\\b");

	private static final Pattern LINK_ONLY_LINE = Pattern
		.compile("^\\s*(!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\([^)]*\\)\\s*)+$");

	private static final Pattern COOKIE_LINE = Pattern.compile(
			".*\\b(cookie|cookies|ciasteczk|plikow cookie)\\b.*\\b(use|uzywa|accept|akceptuj|folosim|verwenden|utilisons|zgod|consent)\\b.*|.*\\b(we use|uzywamy|folosim|wir verwenden|nous utilisons)\\b.*\\bcookie.*");

	private static final Pattern SHORT_CHROME = Pattern.compile(
			"^(share|udostepnij|print|drukuj|tweet|facebook|twitter|linkedin|email|e-mail|copy link|skip to (main )?content)$");

	private Boilerplate() {
	}

	/** Plain text without the known boilerplate lines and blocks, paragraphs kept. */
	static String cleanText(String text) {
		List<String> lines = new ArrayList<>(
				List.of(text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').split("\n", -1)));
		List<String> folded = new ArrayList<>(lines.size());
		for (String line : lines) {
			folded.add(DateParser.fold(line.strip()));
		}
		boolean[] drop = new boolean[lines.size()];
		for (Block block : BLOCKS) {
			for (int i = 0; i < lines.size(); i++) {
				if (!drop[i] && folded.get(i).contains(block.start())) {
					for (int j = i; j < Math.min(lines.size(), i + block.maxLines()); j++) {
						if (folded.get(j).contains(block.end())) {
							for (int k = i; k <= j; k++) {
								drop[k] = true;
							}
							break;
						}
					}
				}
			}
		}
		for (int i = 0; i < lines.size(); i++) {
			String f = folded.get(i);
			// Cheap tests first: the patterns only run on lines that could match.
			if (f.length() < 400 && (READ_ALSO.matcher(f).lookingAt()
					|| (f.contains("cookie") || f.contains("ciasteczk")) && COOKIE_LINE.matcher(f).matches()
					|| f.length() < 30 && SHORT_CHROME.matcher(f).matches()
					|| f.startsWith("![") && LINK_ONLY_LINE.matcher(f).matches())) {
				drop[i] = true;
			}
		}
		// Trailing lists of links (related articles as markdown) end many captures.
		for (int i = lines.size() - 1; i >= 0; i--) {
			String f = folded.get(i);
			if (f.isEmpty() || drop[i]
					|| (f.startsWith("[") || f.startsWith("![")) && LINK_ONLY_LINE.matcher(f).matches()) {
				drop[i] = true;
			}
			else {
				break;
			}
		}
		StringBuilder out = new StringBuilder(text.length());
		int blank = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (drop[i]) {
				continue;
			}
			String line = lines.get(i).stripTrailing();
			if (line.isBlank()) {
				blank++;
				continue;
			}
			if (!out.isEmpty()) {
				out.append(blank > 0 ? "\n\n" : "\n");
			}
			blank = 0;
			out.append(line.strip());
		}
		return out.toString();
	}

	/** Removes the known blocks and "read also" boxes from a page. */
	static void removeFrom(Element root) {
		// What Element.getElementsMatchingOwnText does, with each element's own text
		// built once for all four patterns instead of once per pattern (removing a
		// subtree does not change the own text of the elements that stay).
		Map<Element, String> ownTexts = new IdentityHashMap<>();
		for (Block block : BLOCKS) {
			for (Element start : matchingOwnText(root, block.domStart(), ownTexts)) {
				if (start.parent() == null) {
					continue;
				}
				Element candidate = start;
				while (candidate.parent() != null && !DateParser.fold(candidate.text()).contains(block.end())) {
					candidate = candidate.parent();
				}
				if (candidate.parent() != null && candidate.text().length() < 50 * block.maxLines() + 300) {
					candidate.remove();
				}
			}
		}
		for (Element element : matchingOwnText(root, READ_ALSO_DOM, ownTexts)) {
			Element box = element;
			while (box.parent() != null && !box.isBlock() && box.parent().text().length() < 400) {
				box = box.parent();
			}
			while (box.parent() != null && box.parent().text().length() < 400 && box.parent().childrenSize() <= 3
					&& !box.parent().tagName().equals("body")) {
				box = box.parent();
			}
			if (box.parent() != null && box.text().length() < 400) {
				box.remove();
			}
		}
	}

	private static List<Element> matchingOwnText(Element root, Pattern pattern, Map<Element, String> ownTexts) {
		List<Element> matching = new ArrayList<>();
		for (Element element : root.getAllElements()) {
			String own = ownTexts.computeIfAbsent(element, Element::ownText);
			if (!own.isEmpty() && pattern.matcher(own).find()) {
				matching.add(element);
			}
		}
		return matching;
	}

}
