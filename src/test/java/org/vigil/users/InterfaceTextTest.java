package org.vigil.users;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interface text of the layout, the error, account, admin and saved-search pages:
 * every key has an English and a Polish text, and every key those templates use exists.
 */
class InterfaceTextTest {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern KEY = Pattern.compile("#\\{([a-z][A-Za-z0-9.]*)");

	@ParameterizedTest
	@ValueSource(strings = { "common", "admin", "users", "searches" })
	void everyEnglishTextHasAPolishOneAndNoMore(String bundle) throws IOException {
		Properties english = load(bundle + ".properties");
		Properties polish = load(bundle + "_pl.properties");
		assertThat(english.stringPropertyNames()).hasSizeGreaterThan(1);
		assertThat(polish.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		english.stringPropertyNames()
			.stream()
			.filter((key) -> !key.equals("app.name"))
			.forEach((key) -> assertThat(key).as("prefixed by its bundle").startsWith(bundle + "."));
	}

	@Test
	void everyKeyThesePagesUseHasAText() throws IOException {
		Properties all = new Properties();
		// the layout's "Starred" link is the reading feature's text
		for (String bundle : new String[] { "common", "admin", "users", "searches", "reading" }) {
			all.putAll(load(bundle + ".properties"));
		}
		Set<String> used = new TreeSet<>();
		for (String template : new String[] { "layout.html", "error.html", "error/503.html", "users", "admin",
				"searches", "tagging/admin.html", "digest/admin.html", "digest/unsubscribe.html" }) {
			try (Stream<Path> files = Files.walk(TEMPLATES.resolve(template))) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".html")).toList()) {
					Matcher matcher = KEY.matcher(Files.readString(file));
					while (matcher.find()) {
						used.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(used).hasSizeGreaterThan(100);
		assertThat(used).allSatisfy((key) -> assertThat(all).as(key).containsKey(key));
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(BUNDLES.resolve(name))) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
