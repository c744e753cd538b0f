package org.vigil.tagging;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recurring exercise's mention takes its edition along: two digits or a year of 19xx or
 * 20xx after it, with a space, a hyphen or an apostrophe between; no other number.
 */
class ExerciseEditionsTest {

	private static Gazetteer gazetteer;

	@BeforeAll
	static void compile() {
		gazetteer = Gazetteer.of(GazetteerFiles.load());
	}

	@Test
	void twoDigitsOrAYearAreTheEdition() {
		assertThat(surfaces("BALTOPS 2024 began in Tallinn.")).containsExactly("BALTOPS 2024");
		assertThat(surfaces("Dacian Fall 25 ended.")).containsExactly("Dacian Fall 25");
		assertThat(surfaces("Ships sailed for BALTOPS 1999.")).containsExactly("BALTOPS 1999");
		assertThat(surfaces("Dacian Fall-25 ended.")).containsExactly("Dacian Fall-25");
	}

	@Test
	void otherNumbersAreNot() {
		assertThat(surfaces("BALTOPS 123 ships sailed.")).containsExactly("BALTOPS");
		assertThat(surfaces("BALTOPS 2124 will come.")).containsExactly("BALTOPS");
		assertThat(surfaces("BALTOPS 1 and 2.")).containsExactly("BALTOPS");
		assertThat(surfaces("BALTOPS 20245 is a number.")).containsExactly("BALTOPS");
		assertThat(surfaces("BALTOPS\n2024 on a line of its own.")).containsExactly("BALTOPS");
	}

	private static List<String> surfaces(String text) {
		return Tagger.tag(gazetteer, text, new Tagger.Context(LocalDate.of(2025, 1, 1), Set.of()))
			.stream()
			.map(Tagger.Mention::surface)
			.toList();
	}

}
