package org.vigil.tagging;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tagging a document chunk by chunk finds exactly what tagging it whole finds — the same
 * mentions at the same offsets into the document — whatever the chunk size, while only a
 * chunk's tokens are held at a time.
 */
class ChunkedTaggingTest {

	private static final Tagger.Context CONTEXT = new Tagger.Context(LocalDate.of(2025, 12, 19), Set.of());

	/**
	 * Document-level decisions across paragraphs: a surname named in full three
	 * paragraphs earlier, an ambiguous name supported by a list that runs across a
	 * paragraph break and by context words in the paragraph before, a bare role phrase in
	 * scope because NATO is named at the top, an image line, a year suffix; names fall
	 * across every fixed-size cut of the text.
	 */
	/** Paragraphs that name nothing: where the chunks can be cut. */
	private static final String QUIET = """
			The weather stayed mild for most of the week and the roads were quiet, with little traffic.

			Nobody expected the meeting to last long, and the hall emptied quickly after the speeches ended.
			""";

	private static final String TEXT = """
			NATO Secretary General Mark Rutte met Polish soldiers in Orzysz.

			%1$s
			![Teaser about Iran](https://example.org/iran.jpg)
			The talks covered the Patriot air defence system and new missile batteries for the
			eastern flank.

			Patriot launchers arrived by rail.

			%1$s
			Officials in Warsaw, Bucharest and Tbilisi welcomed the decision. Poland, Romania

			and Georgia signed a joint letter.

			%1$s
			Rutte said the Secretary General would visit BALTOPS 2024 and Dacian Fall 25 exercises.

			%1$s
			The Secretary General praised Wladislaw Kosiniak-Kamys and the Polish defence minister; Moscow said
			nothing. NATO MULTIMEDIA ACCOUNT, KEEP EUROPE SAFE.
			""".formatted(QUIET);

	private static Gazetteer gazetteer;

	@BeforeAll
	static void compile() {
		gazetteer = Gazetteer.of(GazetteerFiles.load());
	}

	@Test
	void everyChunkSizeFindsWhatTheWholeTextFinds() throws IOException {
		List<Tagger.Mention> whole = Tagger.tag(gazetteer, TagReport.withoutImageLines(TEXT), CONTEXT);
		assertThat(whole).extracting(Tagger.Mention::resolvedBy).contains("surname", "role", "pattern", "fuzzy");
		for (int size = 16; size <= TEXT.length() + 16; size += 7) {
			assertThat(chunked(TEXT, size)).as("chunks of %d chars", size).isEqualTo(whole);
		}
	}

	@Test
	void namesAreDecidedByWhatOtherChunksName() throws IOException {
		TextChunks chunks = new TextChunks(new StringReader(TEXT), 64);
		List<Tagger.Mention> mentions = Tagger.tag(gazetteer, chunks, CONTEXT);
		assertThat(chunks.tagged()).isGreaterThanOrEqualTo(3);
		assertThat(chunks.capacity()).isLessThan(TEXT.length());
		int rutte = TEXT.indexOf("Rutte said");
		assertThat(mentions).filteredOn((m) -> m.start() == rutte)
			.singleElement()
			.satisfies((m) -> assertThat(m.resolvedBy()).isEqualTo("surname"))
			.satisfies((m) -> assertThat(m.confidence()).isEqualTo(0.9f));
		int georgia = TEXT.indexOf("Georgia signed");
		assertThat(mentions).filteredOn((m) -> m.start() == georgia)
			.singleElement()
			.satisfies((m) -> assertThat(m.surface()).isEqualTo("Georgia"));
	}

	@Test
	void aLongTextInSmallChunksFindsWhatTheWholeTextFinds() throws IOException {
		String text = TaggerBenchmark.englishNews(60_000);
		List<Tagger.Mention> whole = Tagger.tag(gazetteer, text, CONTEXT);
		assertThat(whole).hasSizeGreaterThan(1_000);
		for (int size : new int[] { 1_000, 4_096, 65_536 }) {
			TextChunks chunks = new TextChunks(new StringReader(text), size);
			assertThat(Tagger.tag(gazetteer, chunks, CONTEXT)).as("chunks of %d chars", size).isEqualTo(whole);
			assertThat(chunks.capacity()).isLessThanOrEqualTo(8 * size);
		}
	}

	@Test
	void aTextWithoutParagraphsIsTaggedInOneGrownChunk() throws IOException {
		String text = TEXT.replace("\n", " ").repeat(20);
		assertThat(chunked(text, 100)).isEqualTo(Tagger.tag(gazetteer, text, CONTEXT)).isNotEmpty();
	}

	@Test
	void anEmptyOrBlankTextHasNoMentions() throws IOException {
		assertThat(chunked("", 16)).isEmpty();
		assertThat(chunked("\n\n   \n", 16)).isEmpty();
	}

	private static List<Tagger.Mention> chunked(String text, int chunkChars) throws IOException {
		return Tagger.tag(gazetteer, new TextChunks(new StringReader(text), chunkChars), CONTEXT);
	}

}
