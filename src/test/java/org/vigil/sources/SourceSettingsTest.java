package org.vigil.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A source's settings are typed values with the keys of sources.yaml: a wrong one is an
 * error naming the source and the setting, wherever it is entered, never a setting that
 * is silently ignored.
 */
class SourceSettingsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			item_link         | a.news           | unknown setting 'item_link'
			zone              | Europe/Warsw     | setting zone: unknown time zone 'Europe/Warsw'
			item_link_pattern | /cpresa/(\\d+    | setting item_link_pattern: not a regular expression
			date_in_link_text | [0-9             | setting date_in_link_text: not a regular expression
			item_links        | a[href           | setting item_links: not a CSS selector
			next_page         | a:nth-child(x)   | setting next_page: not a CSS selector
			page_optional     | yes please       | setting page_optional: true or false
			content_api       | www.gov.uk/api   | setting content_api: an http(s) URL
			type              | Press Release    | setting type: a lower-case word
			format            | rss-search       | setting format: the only JSON listing layout is 'nato-search'
			""")
	void aWrongSettingIsAnErrorNamingTheSourceAndTheSetting(String name, String value, String message) {
		assertThatThrownBy(() -> SourceSettings.of("pl-mon", Map.of(name, value)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("source pl-mon: ")
			.hasMessageContaining(message);
	}

	@Test
	void settingsAreTypedAndWrittenBackWithTheirYamlKeys() {
		SourceSettings settings = SourceYaml.settings("ro-mapn", """
				zone: Europe/Bucharest
				item_links: "a[href*=/cpresa/]"
				item_link_pattern: "/cpresa/\\\\d+_"
				page_optional: true
				type: press-release
				canonical_key:
				  - {match: '^(?:www\\.)?mapn\\.ro/cpresa/(\\d+)_', key: 'mapn:$1'}
				""");
		assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Bucharest"));
		assertThat(settings.pageOptional()).isTrue();
		assertThat(settings.linkPattern().matcher("/cpresa/20289_x").find()).isTrue();
		assertThat(settings.canonicalKeys()).extracting(SourceSettings.KeyRule::key).containsExactly("mapn:$1");
		assertThat(SourceSettings.of("ro-mapn", settings.toMap())).isEqualTo(settings);
		assertThat(SourceYaml.settings("ro-mapn", SourceYaml.settingsText(settings))).isEqualTo(settings);
		assertThat(SourceSettings.NONE.zoneOrUtc()).isEqualTo(ZoneId.of("Z"));
	}

	@Test
	void aCanonicalKeyRuleNeedsAMatchingExpressionAndAKey() {
		assertThatThrownBy(() -> SourceSettings.of("nato", Map.of("canonical_key", List.of(Map.of("match", "(")))))
			.hasMessageStartingWith("source nato: setting canonical_key: ");
		assertThatThrownBy(
				() -> SourceSettings.of("nato", Map.of("canonical_key", List.of(Map.of("match", "(x", "key", "k")))))
			.hasMessageContaining("not a regular expression");
	}

	@Test
	void aSourcesFileWithAnUnknownFieldOrBadSelectorIsRefusedWithTheSourceNamed() {
		assertThatThrownBy(() -> read("""
				sources:
				  - {key: lt-kam, name: KAM, kind: feed, urls: [https://kam.lt/feed], schedule: 60}
				""")).hasMessage("source lt-kam: unknown field 'schedule' (known: country, enabled, key, kind, "
				+ "language, name, official, schedule_minutes, selectors, settings, urls)");
		assertThatThrownBy(() -> read("""
				sources:
				  - {key: lt-kam, name: KAM, kind: feed, urls: [https://kam.lt/feed], selectors: {titel: h1}}
				""")).hasMessageContaining("source lt-kam: unknown field 'selectors.titel'");
		SourceDeclaration badSelector = read("""
				sources:
				  - {key: lt-kam, name: KAM, kind: feed, urls: [https://kam.lt/feed], selectors: {body: "div["}}
				""").get(0);
		assertThatThrownBy(() -> new Source(badSelector))
			.hasMessageStartingWith("source lt-kam: selector body: not a CSS selector: 'div['");
	}

	@Test
	void theSourceGuardsItsKeyKindScheduleAndUrls() {
		assertThatThrownBy(() -> new Source(declaration("NATO", "feed", 30))).hasMessageContaining("lower-case slug");
		assertThatThrownBy(() -> new Source(declaration("nato", "rss", 30)))
			.hasMessageContaining("source nato: kind must be one of");
		assertThatThrownBy(() -> new Source(declaration("nato", "feed", 0)))
			.hasMessage("source nato: schedule_minutes must be between 1 and 10080 (a week), not 0");
		Source source = new Source(declaration("nato", "feed", 30));
		assertThatThrownBy(() -> source.apply(declaration("otan", "feed", 30)))
			.hasMessageContaining("the key cannot change");
		assertThatThrownBy(() -> new Source(
				new SourceDeclaration("x", "X", "feed", true, null, null, List.of(), null, null, 30, true)))
			.hasMessage("source x: a feed needs at least one URL");
	}

	@Test
	void theShippedSourcesAreValid() throws IOException {
		try (InputStream in = new ClassPathResource("db/sources/sources.yaml").getInputStream()) {
			List<SourceDeclaration> shipped = SourceYaml.read(in);
			shipped.forEach(Source::new);
			assertThat(shipped).extracting(SourceDeclaration::key).contains("nato", "ro-mapn");
		}
	}

	static SourceDeclaration declaration(String key, String kind, int scheduleMinutes) {
		return new SourceDeclaration(key, "Name", kind, true, null, "en", List.of("https://example.org/feed"), null,
				null, scheduleMinutes, true);
	}

	static List<SourceDeclaration> read(String yaml) {
		return SourceYaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

}
