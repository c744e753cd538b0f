package org.vigil.tagging;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The entity page's and the new-names queue's text exists in English and in Polish. */
class EntitiesAndNamesBundlesTest {

	@ParameterizedTest
	@ValueSource(strings = { "entities", "names" })
	void everyKeyIsTranslatedAndPrefixedWithItsBundle(String bundle) throws IOException {
		Properties english = read("i18n/" + bundle + ".properties");
		Properties polish = read("i18n/" + bundle + "_pl.properties");
		assertThat(english).isNotEmpty();
		assertThat(polish.keySet()).isEqualTo(english.keySet());
		assertThat(english.keySet()).allSatisfy((key) -> assertThat(key.toString()).startsWith(bundle + "."));
		assertThat(polish.getProperty(bundle + ((bundle.equals("names")) ? ".heading" : ".alsoCalled")))
			.isNotEqualTo(english.getProperty(bundle + ((bundle.equals("names")) ? ".heading" : ".alsoCalled")));
	}

	private static Properties read(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
