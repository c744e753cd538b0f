package org.vigil.tagging;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The words around names that the tagger reads come from db/gazetteer/cues.yaml. */
class CuesTest {

	@Test
	void theShippedFileHoldsVerbsSeparatorsContextsAndTitles() {
		Cues cues = Cues.shipped();
		assertThat(cues.saying).contains("said", "zapowiada", "erklarte");
		assertThat(cues.listSeparators).contains(",", "and", "oraz");
		assertThat(cues.titles).contains("Secretary", "Minister");
		Gazetteer gazetteer = Gazetteer.of(GazetteerFiles.load());
		GazetteerData.Entity patriot = gazetteer.entity(gazetteer.byKey.get("programme/patriot"));
		int weapons = cues.contextOf(patriot);
		assertThat(weapons).isNotZero();
		assertThat(cues.contextsOf("missiles") & weapons).isNotZero();
		assertThat(cues.contextsOf("weather") & weapons).isZero();
	}

	@Test
	void entriesAreFoldedAsTheTaggerComparesThem() {
		Cues cues = Cues.read(Map.of("saying", List.of("Oświadczył"), "context",
				List.of(Map.of("type", "programme", "kinds", List.of("exercise"), "words", List.of("Ćwicz")))));
		assertThat(cues.saying).containsExactly("oswiadczyl");
		assertThat(cues.contextsOf("cwiczenia")).isEqualTo(1);
	}

	@Test
	void aFileThatIsNotAMapIsAClearError() {
		assertThatIllegalStateException().isThrownBy(() -> Cues.read(List.of("said")))
			.withMessageContaining("db/gazetteer/cues.yaml");
	}

}
