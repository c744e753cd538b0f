package org.vigil.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds capitalised names after titles ("Minister Jan Nowak") and after "Exercise" or
 * "Operation" that no mention covers: candidates for the gazetteer, never entities.
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
			int start = m.start(2);
			String[] words = m.group(2).split("\\s+");
			int first = 0;
			if ("person".equals(kind)) {
				while (first < words.length && Cues.shipped().titles.contains(words[first])) {
					start = text.indexOf(words[first], start) + words[first].length();
					first++;
				}
				int last = Math.min(words.length, first + 3);
				if (last - first < 2) {
					continue;
				}
				words = java.util.Arrays.copyOfRange(words, first, last);
			}
			String name = String.join(" ", words);
			int from = text.indexOf(name, start);
			if (from < 0) {
				continue;
			}
			int to = from + name.length();
			if (overlaps(mentions, from, to) || name.equals(name.toUpperCase())) {
				continue;
			}
			found.add(new NewName(name, kind, m.group(1), context(text, from, to)));
		}
	}

	private static boolean overlaps(List<Tagger.Mention> mentions, int from, int to) {
		for (Tagger.Mention mention : mentions) {
			if (mention.start() < to && from < mention.end()) {
				return true;
			}
		}
		return false;
	}

	private static String context(String text, int from, int to) {
		int start = Math.max(0, from - 100);
		int end = Math.min(text.length(), to + 100);
		return text.substring(start, end).replaceAll("\\s+", " ").strip();
	}

}
