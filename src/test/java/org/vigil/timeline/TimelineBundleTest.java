package org.vigil.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline's interface text exists in Polish for every English key, and reads well.
 */
class TimelineBundleTest {

	@Test
	void everyEnglishKeyHasAPolishText() throws IOException {
		Properties english = load("i18n/timeline.properties");
		Properties polish = load("i18n/timeline_pl.properties");
		assertThat(english).isNotEmpty();
		assertThat(polish.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
	}

	@Test
	void countsAreLocaleFormatted() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/timeline");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		assertThat(messages.getMessage("timeline.count", new Object[] { 1234L }, Locale.ENGLISH))
			.isEqualTo("1,234 items");
		assertThat(messages.getMessage("timeline.count", new Object[] { 1L }, Locale.ENGLISH)).isEqualTo("1 item");
		assertThat(messages.getMessage("timeline.count.more", new Object[] { 10000 }, Locale.ENGLISH))
			.isEqualTo("More than 10,000 items");
		assertThat(messages.getMessage("timeline.count", new Object[] { 1234L }, Locale.forLanguageTag("pl")))
			.matches("Wyniki: 1[\\s\\u00A0\\u202F]234");
		assertThat(messages.getMessage("timeline.story.also", new Object[] { "NATO, MoD" }, Locale.ENGLISH))
			.isEqualTo("Also from NATO, MoD");
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TimelineBundleTest.class.getClassLoader().getResourceAsStream(path)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
