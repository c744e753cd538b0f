package org.vigil.items;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ClassPathResource;

import org.vigil.sources.SourceDeclaration;
import org.vigil.sources.SourceYaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One key per statement, whatever URL reached it: the shipped sources' own rules
 * ({@code canonical_key} in {@code db/sources/sources.yaml}), else the normalised URL.
 */
class CanonicalKeysTest {

	static final CanonicalKeys SHIPPED = shipped();

	static CanonicalKeys shipped() {
		try (InputStream in = new ClassPathResource("db/sources/sources.yaml").getInputStream()) {
			return new CanonicalKeys(SourceYaml.read(in)
				.stream()
				.map(SourceDeclaration::settings)
				.flatMap((settings) -> settings.canonicalKeys().stream())
				.map((rule) -> new CanonicalKeys.Rule(Pattern.compile(rule.match()), rule.key()))
				.toList());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void withoutRulesAUrlIsOnlyNormalised() {
		assertThat(CanonicalKeys.URL_ONLY.of("https://www.war.gov/News/Article/Article/4321567/x/", null))
			.isEqualTo("https://www.war.gov/News/Article/Article/4321567/x");
		assertThat(
				new CanonicalKeys(List.of(new CanonicalKeys.Rule(Pattern.compile("^example\\.org/n/(\\d+)"), "ex:$1")))
					.of("https://Example.org/n/42/Slug", null))
			.isEqualTo("ex:42");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					https://www.defense.gov/News/Releases/Release/Article/4321567/some-slug/ | dod:4321567
					https://www.war.gov/News/Releases/Release/Article/4321567/other-slug     | dod:4321567
					https://www.nato.int/cps/en/natohq/opinions_209984.htm?selectedLocale=uk | nato:209984
					https://www.nato.int/cps/en/natolive/news_209981.htm                     | nato:209981
					https://www.nato.int/en/news-and-events/articles/news/2026/07/07/visit/?selectedLocale=null | nato:/en/news-and-events/articles/news/2026/07/07/visit
					https://www.bmvg.de/de/aktuelles/pistorius-besucht-brigade-5741234       | bmvg:5741234
					https://www.mapn.ro/cpresa/20289_ministrul-apararii                      | mapn:mapn.ro:20289
					https://english.mapn.ro/cpresa/7301_x                                    | mapn:english.mapn.ro:7301
					HTTPS://Defence24.pl:443/polityka/artykul/?utm_source=rss&b=2&a=1#comments | https://defence24.pl/polityka/artykul?a=1&b=2
					https://www.gov.pl/web/obrona-narodowa/szef-mon?fbclid=abc               | https://www.gov.pl/web/obrona-narodowa/szef-mon
					""")
	void sourceIdsAndNormalisedUrls(String url, String key) {
		assertThat(SHIPPED.of(url, null)).isEqualTo(key);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			https://defence24.pl/a?page=2 | https://defence24.pl/a                | https://defence24.pl/a
			https://defence24.pl/a        | https://evil.example/a                | https://defence24.pl/a
			https://www.gov.pl/x          | https://gov.pl/web/obrona-narodowa/x  | https://gov.pl/web/obrona-narodowa/x
			""")
	void relCanonicalCountsOnlyOnTheSameSite(String url, String canonical, String key) {
		assertThat(SHIPPED.of(url, canonical)).isEqualTo(key);
	}

}
