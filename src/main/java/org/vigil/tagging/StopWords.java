package org.vigil.tagging;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/**
 * Words that are never (part of) a new name, per language, from
 * {@code db/gazetteer/stopwords-<language>.yaml}: data, so that a reviewer who keeps
 * rejecting a word adds it to a list instead of asking for code. The languages' lists are
 * used together: a text's language is not always known, and "During" is no name in any.
 */
final class StopWords {

	static final List<String> LANGUAGES = List.of("en", "pl", "fr", "de", "ro");

	private static volatile StopWords shipped;

	private final Set<String> words;

	StopWords(Set<String> words) {
		this.words = Set.copyOf(words);
	}

	/** The lists the application ships, read once. */
	static StopWords shipped() {
		StopWords stopWords = shipped;
		if (stopWords == null) {
			Set<String> words = new HashSet<>();
			for (String language : LANGUAGES) {
				words.addAll(read(GazetteerFiles.readYaml(file(language)), language));
			}
			stopWords = new StopWords(words);
			shipped = stopWords;
		}
		return stopWords;
	}

	/** The shipped files, for checksums. */
	static List<ClassPathResource> files() {
		return LANGUAGES.stream()
			.map((language) -> new ClassPathResource("db/gazetteer/" + file(language) + ".yaml"))
			.toList();
	}

	/** Whether the word, in any case and with any accents, is a stop word. */
	boolean contains(String word) {
		return this.words.contains(Folding.fold(word).toLowerCase(Locale.ROOT));
	}

	private static String file(String language) {
		return "stopwords-" + language;
	}

	private static Set<String> read(Object yaml, String language) {
		if (!(yaml instanceof Map<?, ?> file) || !(file.get("words") instanceof List<?> list)) {
			throw new IllegalStateException("db/gazetteer/stopwords-" + language + ".yaml: expected a list 'words'");
		}
		Set<String> words = new HashSet<>();
		list.forEach((word) -> words.add(Folding.fold(word.toString().strip()).toLowerCase(Locale.ROOT)));
		return words;
	}

}
