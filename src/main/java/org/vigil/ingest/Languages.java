package org.vigil.ingest;

import java.util.Map;
import java.util.Set;

/** Guesses the language of a text (en, pl, ro, de, fr) from its commonest short words. */
final class Languages {

	private static final Map<String, Set<String>> STOP_WORDS = Map.of("en", Set.of("the", "and", "of", "to", "in", "is",
			"that", "for", "with", "on", "as", "are", "this", "we", "by", "it", "be", "our", "will", "have", "from"),
			"pl",
			Set.of("i", "w", "na", "z", "się", "do", "że", "nie", "to", "jest", "oraz", "jak", "od", "przez", "dla",
					"po", "są", "o", "ministra", "także"),
			"ro",
			Set.of("și", "şi", "în", "la", "cu", "din", "pentru", "care", "este", "pe", "de", "a", "al", "ale", "sunt",
					"să", "privind", "au", "fost"),
			"de",
			Set.of("der", "die", "und", "das", "in", "zu", "den", "mit", "ist", "von", "des", "für", "auf", "nicht",
					"sich", "dem", "eine", "ein", "wir", "auch"),
			"fr", Set.of("le", "la", "les", "et", "des", "du", "en", "un", "une", "est", "que", "pour", "dans", "qui",
					"sur", "au", "par", "pas", "nous", "aux"));

	private Languages() {
	}

	/**
	 * The language with the most stop words among the first 400 words, or the fallback
	 * when the text is too short to tell.
	 */
	static String guess(String text, String fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		Map<String, Integer> scores = new java.util.HashMap<>();
		int words = 0;
		for (String word : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+", 401)) {
			if (word.isEmpty()) {
				continue;
			}
			words++;
			for (var entry : STOP_WORDS.entrySet()) {
				if (entry.getValue().contains(word)) {
					scores.merge(entry.getKey(), 1, Integer::sum);
				}
			}
		}
		String best = fallback;
		int bestScore = 0;
		int second = 0;
		for (var entry : scores.entrySet()) {
			if (entry.getValue() > bestScore) {
				second = bestScore;
				bestScore = entry.getValue();
				best = entry.getKey();
			}
			else if (entry.getValue() > second) {
				second = entry.getValue();
			}
		}
		return (bestScore >= 3 && bestScore >= Math.max(2, words / 50) && bestScore > second * 1.3) ? best : fallback;
	}

}
