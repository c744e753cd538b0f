package org.vigil.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a gazetteer phrase into token strings the way {@link Tokens} cuts a text, for
 * building the tries' patterns.
 */
final class PhraseTokens {

	private PhraseTokens() {
	}

	/** Folded token strings of a phrase. */
	static List<String> folded(String phrase) {
		return split(phrase, true);
	}

	/** Token strings of a phrase as written (punctuation unified), for exact patterns. */
	static List<String> exact(String phrase) {
		return split(phrase, false);
	}

	private static List<String> split(String phrase, boolean fold) {
		List<String> result = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < phrase.length(); i++) {
			char c = phrase.charAt(i);
			byte kind = Folding.kind(c);
			if (kind == Folding.WORD || (kind == Folding.MARK && !word.isEmpty())) {
				char out = fold ? Folding.fold(c) : Folding.normalise(c);
				if (out != 0) {
					word.append(out);
				}
				continue;
			}
			if (!word.isEmpty()) {
				result.add(word.toString());
				word.setLength(0);
			}
			if (kind == Folding.PUNCT) {
				result.add(String.valueOf(Folding.fold(c)));
			}
		}
		if (!word.isEmpty()) {
			result.add(word.toString());
		}
		return result;
	}

}
