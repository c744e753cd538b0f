package org.vigil.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level difference between two versions of an item's text (longest common
 * subsequence), falling back to whole lines when the texts are too long to compare word
 * by word cheaply.
 */
final class TextDiff {

	private static final Pattern WORDS = Pattern.compile("\\S+\\s*|\\s+");

	private static final Pattern LINES = Pattern.compile("[^\\n]*\\n|[^\\n]+");

	private static final long MAX_CELLS = 4_000_000;

	private TextDiff() {
	}

	enum Kind {

		SAME, ADDED, REMOVED

	}

	/** A run of text that is unchanged, added or removed. */
	record Part(Kind kind, String text) {

		public boolean added() {
			return this.kind == Kind.ADDED;
		}

		public boolean removed() {
			return this.kind == Kind.REMOVED;
		}

	}

	static List<Part> diff(String before, String after) {
		List<String> a = tokens(before, WORDS);
		List<String> b = tokens(after, WORDS);
		if ((long) a.size() * b.size() > MAX_CELLS) {
			a = tokens(before, LINES);
			b = tokens(after, LINES);
			if ((long) a.size() * b.size() > MAX_CELLS) {
				return List.of(new Part(Kind.REMOVED, before), new Part(Kind.ADDED, after));
			}
		}
		int[][] lcs = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		List<Part> parts = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.size() || j < b.size()) {
			if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
				append(parts, Kind.SAME, a.get(i++));
				j++;
			}
			else if (j < b.size() && (i == a.size() || lcs[i][j + 1] > lcs[i + 1][j])) {
				append(parts, Kind.ADDED, b.get(j++));
			}
			else {
				append(parts, Kind.REMOVED, a.get(i++));
			}
		}
		return parts;
	}

	private static void append(List<Part> parts, Kind kind, String text) {
		if (!parts.isEmpty() && parts.get(parts.size() - 1).kind() == kind) {
			Part last = parts.remove(parts.size() - 1);
			parts.add(new Part(kind, last.text() + text));
		}
		else {
			parts.add(new Part(kind, text));
		}
	}

	private static List<String> tokens(String text, Pattern pattern) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = pattern.matcher((text != null) ? text : "");
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

}
