package org.vigil.sources;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings read back from the database, where rows may predate the checks. */
class StoredSettingsTest {

	@Test
	void aStoredKeyNoCodeReadsIsDroppedAndTheRestIsRead() {
		SourceSettings settings = SourceJson.settings("synthetic",
				"{\"synthetic\": true, \"zone\": \"Europe/Warsaw\", \"page_optional\": true}");
		assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Warsaw"));
		assertThat(settings.pageOptional()).isTrue();
	}

	@Test
	void anEnteredUnknownKeyIsStillRefused() {
		assertThatThrownBy(() -> SourceSettings.of("synthetic", java.util.Map.of("synthetic", true)))
			.hasMessageContaining("unknown setting 'synthetic'");
	}

}
