package org.vigil.digest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sentence of an item for the digest: the first sentence that holds one of the search
 * words, or else the first sentence of the text; never the title again, and cut at a word
 * to a bounded length so that a mail of ten items stays short.
 */
final class Snippets {

	/** The longest snippet, in characters, including the ellipsis. */
	static final int MAX_LENGTH = 220;

	/** A sentence of fewer words is a dateline or a caption, not the news. */
	private static final int MIN_WORDS = 4;

	private Snippets() {
	}

	/**
	 * The snippet of an item, or null when it has no text beyond its title.
	 * @param words the search's words, lower case (empty for a search without words)
	 */
	static String of(String title, String summary, String body, List<String> words) {
		List<String> sentences = new ArrayList<>();
		sentences.addAll(sentences(summary));
		sentences.addAll(sentences(body));
		String titleKey = key(title);
		List<String> candidates = sentences.stream()
			.filter((sentence) -> !key(sentence).equals(titleKey))
			.filter((sentence) -> sentence.split(" ").length >= MIN_WORDS)
			.toList();
		if (candidates.isEmpty()) {
			candidates = sentences.stream().filter((sentence) -> !key(sentence).equals(titleKey)).toList();
		}
		if (candidates.isEmpty()) {
			return null;
		}
		for (String sentence : candidates) {
			String lower = sentence.toLowerCase(Locale.ROOT);
			if (words.stream().anyMatch(lower::contains)) {
				return bounded(sentence);
			}
		}
		return bounded(candidates.get(0));
	}

	/**
	 * The words of a full-text query ({@code "air defence" OR patriot -exercise}): quotes
	 * and operators dropped, excluded words left out, lower case.
	 */
	static List<String> queryWords(String query) {
		List<String> words = new ArrayList<>();
		if (query == null) {
			return words;
		}
		for (String token : query.trim().split("\\s+")) {
			if (token.startsWith("-") || token.equalsIgnoreCase("or") || token.equalsIgnoreCase("and")) {
				continue;
			}
			String word = token.replaceAll("[^\\p{L}\\p{N}]+", "").toLowerCase(Locale.ROOT);
			if (word.length() >= 2) {
				words.add(word);
			}
		}
		return words;
	}

	private static List<String> sentences(String text) {
		List<String> sentences = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return sentences;
		}
		String flat = text.replaceAll("\\s+", " ").trim();
		BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
		breaks.setText(flat);
		int start = breaks.first();
		for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
			String sentence = flat.substring(start, end).trim();
			if (!sentence.isEmpty()) {
				sentences.add(sentence);
			}
		}
		return sentences;
	}

	private static String bounded(String sentence) {
		if (sentence.length() <= MAX_LENGTH) {
			return sentence;
		}
		int cut = sentence.lastIndexOf(' ', MAX_LENGTH - 1);
		if (cut < MAX_LENGTH / 2) {
			cut = MAX_LENGTH - 1;
		}
		return sentence.substring(0, cut).replaceAll("[\\s,;:.\u2013\u2014-]+$", "") + "\u2026";
	}

	/** Letters and digits only, lower case: the title repeated as the first sentence. */
	private static String key(String text) {
		return (text != null) ? text.replaceAll("[^\\p{L}\\p{N}]+", "").toLowerCase(Locale.ROOT) : "";
	}

}
