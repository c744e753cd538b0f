package org.vigil.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds capitalised names after titles ("Minister Jan Nowak") and after "Exercise" or
 * "Operation" that no mention covers: candidates for the gazetteer, never entities. Stop
 * words ({@link StopWords}) and line breaks end a name, so "During" or "The" is never
 * proposed.
 */
final class NewNames {

	private static final String WORD = "\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}[\\p{L}'’]*)?";

	private static final Pattern PERSON = Pattern.compile("\\b(Minister|President|General|Gen\\.|Admiral|Adm\\.|"
			+ "Secretary|Commander|Colonel|Chancellor|Premier|spokesperson|spokesman|spokeswoman|minister|prezydent|"
			+ "generał|gen\\.|admirał|rzecznik|ministrul|generalul|președintele|Ministerin|Präsident|Sprecher|ministre|"
			+ "président|général|porte-parole)\\s+((?:" + WORD + ")(?:\\s+" + WORD + "){0,4})");

	private static final Pattern PROGRAMME = Pattern.compile("\\b(Exercise|Operation|exercise|operation|ćwiczenia|"
			+ "ćwiczeń|operacja|operacji|exercițiul|operațiunea|Übung|exercice|opération)\\s+((?:" + WORD + ")(?:\\s+"
			+ WORD + "){0,2})");

	/** Characters of context either side of a name at most. */
	static final int SENTENCE = 200;

	private NewNames() {
	}

	static List<NewName> find(String text, List<Tagger.Mention> mentions) {
		List<NewName> found = new ArrayList<>();
		collect(PERSON, "person", text, mentions, found);
		collect(PROGRAMME, "programme", text, mentions, found);
		return found;
	}

	private static void collect(Pattern pattern, String kind, String text, List<Tagger.Mention> mentions,
			List<NewName> found) {
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			List<int[]> words = words(text, m.end(1), m.end(2));
			int first = 0;
			if ("person".equals(kind)) {
				while (first < words.size() && Cues.shipped().titles.contains(word(text, words.get(first)))) {
					first++;
				}
			}
			int last = first;
			int most = "person".equals(kind) ? 3 : words.size();
			while (last < words.size() && last - first < most && nameWord(text, words.get(last), last == first)) {
				last++;
			}
			if (last - first < ("person".equals(kind) ? 2 : 1)) {
				continue;
			}
			int from = words.get(first)[0];
			int to = words.get(last - 1)[1];
			String name = text.substring(from, to).replaceAll("\\s+", " ");
			if (overlaps(mentions, from, to) || name.equals(name.toUpperCase())) {
				continue;
			}
			found.add(new NewName(name, kind, m.group(1), sentence(text, from, to)));
		}
	}

	/**
	 * Whether a capitalised word continues a name: not a stop word, not past a line break
	 * (a name does not span a headline and the paragraph after it), and, for the word
	 * right after the cue, where a headline's lost full stop would put a sentence start,
	 * not a word the text also writes in lower case ("...concludes exercise\n\nDuring the
	 * drill, during which...").
	 */
	private static boolean nameWord(String text, int[] word, boolean first) {
		String w = word(text, word);
		if (word[2] == 1 || StopWords.shipped().contains(w)) {
			return false;
		}
		return !first || !writtenInLowerCase(text, w);
	}

	static boolean writtenInLowerCase(String text, String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		return !lower.equals(word)
				&& Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(lower) + "(?![\\p{L}\\p{N}])")
					.matcher(text)
					.find();
	}

	/**
	 * The words of a match as {start, end, 1 if a line break precedes it}, the line break
	 * looked for from the end of the cue.
	 */
	private static List<int[]> words(String text, int cueEnd, int end) {
		List<int[]> words = new ArrayList<>();
		int i = cueEnd;
		while (i < end) {
			int gap = i;
			while (i < end && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			boolean lineBreak = text.substring(gap, i).indexOf('\n') >= 0;
			int start = i;
			while (i < end && !Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (i > start) {
				words.add(new int[] { start, i, lineBreak ? 1 : 0 });
			}
		}
		return words;
	}

	private static String word(String text, int[] word) {
		return text.substring(word[0], word[1]);
	}

	private static boolean overlaps(List<Tagger.Mention> mentions, int from, int to) {
		for (Tagger.Mention mention : mentions) {
			if (mention.start() < to && from < mention.end()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The sentence the name is in, for the reviewer: from the end of the sentence or line
	 * before to the end of its own, at most {@link #SENTENCE} characters either side.
	 */
	static String sentence(String text, int from, int to) {
		int start = from;
		while (start > 0 && from - start < SENTENCE && !sentenceEnd(text, start - 1)) {
			start--;
		}
		int end = to;
		while (end < text.length() && end - to < SENTENCE && !sentenceEnd(text, end)) {
			end++;
		}
		if (end < text.length() && ".!?".indexOf(text.charAt(end)) >= 0) {
			end++;
		}
		String sentence = text.substring(start, end).replaceAll("\\s+", " ").strip();
		return ((start > 0 && !sentenceEnd(text, start - 1)) ? "… " : "") + sentence
				+ ((end < text.length() && !sentenceEnd(text, end - 1)) ? " …" : "");
	}

	private static boolean sentenceEnd(String text, int i) {
		char c = text.charAt(i);
		return c == '\n'
				|| (".!?".indexOf(c) >= 0 && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))));
	}

}
