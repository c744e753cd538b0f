package org.vigil.tagging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the English news text {@link TaggerBenchmark} tags, at any size, for the
 * end-to-end benchmark of the {@code tag} command ({@code bench/tag.sh}). Usage:
 * {@code TagBenchmarkText FILE MEGABYTES}.
 */
public final class TagBenchmarkText {

	/**
	 * Words per megabyte of the generated text (about 6.6 bytes a word, spaces included).
	 */
	private static final int WORDS_PER_MEGABYTE = 152_000;

	private TagBenchmarkText() {
	}

	public static void main(String[] args) throws IOException {
		Path file = Path.of(args[0]);
		int megabytes = Integer.parseInt(args[1]);
		Files.writeString(file, TaggerBenchmark.englishNews(megabytes * WORDS_PER_MEGABYTE), StandardCharsets.UTF_8);
		System.out.printf("%s: %.1f MB%n", file, Files.size(file) / 1e6);
	}

}
