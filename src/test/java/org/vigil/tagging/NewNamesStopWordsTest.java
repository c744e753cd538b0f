package org.vigil.tagging;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new-names queue proposes names, not the words around them: stop words (per
 * language, from {@code db/gazetteer/stopwords-*.yaml}) and line breaks end a name, and
 * the word after a cue that the text also writes in lower case is no name.
 */
class NewNamesStopWordsTest {

	@Test
	void theJunkFromTheIssueIsNeverProposed() {
		String text = """
				NATO concludes exercise

				During the two-week drill, during which troops crossed the Vistula, allies trained together.
				Allied forces end operation

				Speaking to reporters, the spokesman said the operation The ministry planned was over.
				Defence Minister Speaking During The Conference""";
		assertThat(names(text)).isEmpty();
	}

	@Test
	void aRealNewNameIsProposedAndEndsAtAStopWordOrALineBreak() {
		String text = """
				Defence Minister Jan Kowalczyk-Nowak During the visit, Exercise Iron Wolf began.
				Minister Anna Zielińska
				Warsaw hosted the talks.""";
		assertThat(names(text)).containsExactly("Jan Kowalczyk-Nowak", "Anna Zielińska", "Iron Wolf");
	}

	@Test
	void aWordAfterTheCueThatTheTextWritesInLowerCaseIsNoName() {
		assertThat(names("Troops began the exercise Brave soldiers marched; brave men and women.")).isEmpty();
		assertThat(names("Troops began Exercise Brave Eagle on Monday.")).containsExactly("Brave Eagle");
	}

	@Test
	void polishAndGermanStopWordsToo() {
		assertThat(names("ćwiczenia Podczas których żołnierze ćwiczyli")).isEmpty();
		assertThat(names("Übung Während der Nacht")).isEmpty();
		assertThat(StopWords.shipped().contains("DURING")).isTrue();
		assertThat(StopWords.shipped().contains("podczas")).isTrue();
		assertThat(StopWords.shipped().contains("Nowak")).isFalse();
	}

	@Test
	void theContextIsTheSentenceTheNameIsIn() {
		List<NewName> found = NewNames
			.find("Talks ended. Defence Minister Jan Kowalczyk visited the base on Monday. Then he left.", List.of());
		assertThat(found).extracting(NewName::context)
			.containsExactly("Defence Minister Jan Kowalczyk visited the base on Monday.");
	}

	@Test
	void waitingCandidatesWithAStopWordAreJunk() {
		assertThat(CandidateStopWordsRefresh.hasStopWord("During", StopWords.shipped())).isTrue();
		assertThat(CandidateStopWordsRefresh.hasStopWord("Jan Nowak The", StopWords.shipped())).isTrue();
		assertThat(CandidateStopWordsRefresh.hasStopWord("Jean-Yves Le Drian", StopWords.shipped())).isFalse();
	}

	private static List<String> names(String text) {
		return NewNames.find(text, List.of()).stream().map(NewName::name).toList();
	}

}
