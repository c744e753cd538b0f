package org.vigil.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.vigil.sources.Selectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files: each page under {@code src/test/resources/extraction} beside the JSON
 * that {@code extract} must print for it ({@code -Dextraction.update=true} rewrites them
 * after a deliberate change; review the diff).
 */
class ExtractorGoldenTest {

	static final Path DIR = Path.of("src/test/resources/extraction");

	record Case(String file, String url, Selectors selectors, String zone, String language) {

		@Override
		public String toString() {
			return this.file;
		}

	}

	/** Each page read with the site rules its source ships with (none for plain text). */
	static Stream<Case> cases() {
		return Stream.of(new Case("nato-article.html",
				"https://www.nato.int/en/news-and-events/articles/news/2026/07/07/secretary-general-visits-allied-troops-in-lithuania",
				ShippedSiteRules.of("nato"), "Europe/Brussels", "en"),
				new Case("nato-account-block.txt", null, Selectors.NONE, "Europe/Brussels", "en"),
				new Case("defence24-article.html",
						"https://defence24.pl/polityka-obronna/wicepremier-rozmawial-z-ministrem-obrony-rumunii",
						ShippedSiteRules.of("defence24"), "Europe/Warsaw", "pl"),
				new Case("defence24-image-links.txt", null, Selectors.NONE, "Europe/Warsaw", "en"),
				new Case("govpl-article.html", "https://www.gov.pl/web/obrona-narodowa/szef-mon-w-rumunii",
						ShippedSiteRules.of("pl-mon"), "Europe/Warsaw", "pl"),
				new Case("mapn-article.html", "https://www.mapn.ro/cpresa/20289_ministrul-apararii",
						ShippedSiteRules.of("ro-mapn"), "Europe/Bucharest", "ro"),
				new Case("dod-article.html",
						"https://www.war.gov/News/Releases/Release/Article/4321567/hegseth-announces-new-air-defense-purchases/",
						ShippedSiteRules.of("us-dod"), "America/New_York", "en"),
				new Case("bmvg-article.html", "https://www.bmvg.de/de/aktuelles/pistorius-besucht-brigade-5741234",
						ShippedSiteRules.of("de-bmvg"), "Europe/Berlin", "de"),
				new Case("hostile.html", "https://example.org/en/statements/3", Selectors.NONE, "UTC", "en"));
	}

	static Extraction extract(Case c) throws IOException {
		byte[] bytes = Files.readAllBytes(DIR.resolve(c.file()));
		String content = Charsets.decode(bytes, null, c.language()).text();
		return Extractor.extract(c.url(), content, c.selectors(), Hints.NONE, ZoneId.of(c.zone()), c.language());
	}

	@ParameterizedTest
	@MethodSource("cases")
	void extractsWhatTheGoldenFileSays(Case c) throws IOException {
		String actual = ExtractionJson.pretty(ExtractionJson.fields(c.file(), c.url(), extract(c))) + "\n";
		Path expected = DIR.resolve(c.file().replaceAll("\\.[a-z]+$", "") + ".expected.json");
		if (Boolean.getBoolean("extraction.update") || !Files.exists(expected)) {
			Files.writeString(expected, actual, StandardCharsets.UTF_8);
		}
		assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
	}

}
