package org.vigil.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.vigil.sources.Selectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Boilerplate, sanitizing and charsets: the rules behind the golden files, spelled out.
 */
class ExtractorTest {

	static final Path SEEDS = Path.of("..", "shared", "seeds");

	@Test
	void sanitizedBodiesKeepNoScriptsStylesFramesHandlersOrJavascriptLinks() throws IOException {
		String html = Files.readString(ExtractorGoldenTest.DIR.resolve("hostile.html"));
		Extraction extraction = Extractor.extract("https://example.org/en/statements/3", html, Selectors.NONE,
				Hints.NONE, ZoneId.of("UTC"), "en");
		assertThat(extraction.bodyHtml()).doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("<style")
			.doesNotContainIgnoringCase("<iframe")
			.doesNotContainIgnoringCase("onclick")
			.doesNotContainIgnoringCase("onerror")
			.doesNotContainIgnoringCase("javascript:")
			.contains("href=\"https://example.org/en/statements/2\"")
			.contains("src=\"https://example.org/img/map.png\"");
	}

	@Test
	void theNatoAccountModalIsRemovedFromPagesAndFromPlainText() throws IOException {
		for (String file : List.of("nato-article.html", "nato-account-block.txt")) {
			String content = Files.readString(ExtractorGoldenTest.DIR.resolve(file));
			Extraction extraction = Extractor.extract(null, content, Selectors.NONE, Hints.NONE,
					ZoneId.of("Europe/Brussels"), "en");
			assertThat(extraction.bodyText()).doesNotContain("MULTIMEDIA ACCOUNT")
				.doesNotContain("Verification code")
				.doesNotContain("Reset password")
				.doesNotContain("log in with your new password");
		}
	}

	@Test
	void readAlsoBoxesCommentsCookieBannersAndTrailingImageLinksAreNotText() throws IOException {
		Extraction page = ExtractorGoldenTest.extract(ExtractorGoldenTest.cases()
			.filter(c -> c.file().equals("defence24-article.html"))
			.findFirst()
			.orElseThrow());
		assertThat(page.bodyText()).doesNotContain("Czytaj też")
			.doesNotContain("Tajna broń")
			.doesNotContain("komentarz")
			.doesNotContain("cookie")
			.endsWith("ocenił wicepremier.");
		Extraction text = Extractor.extract(null,
				Files.readString(ExtractorGoldenTest.DIR.resolve("defence24-image-links.txt")), Selectors.NONE,
				Hints.NONE, ZoneId.of("UTC"), "en");
		assertThat(text.bodyText()).doesNotContain("![").doesNotContain("Read also").endsWith("Deputy Prime Minister.");
	}

	@Test
	void aWindows1250PageWithoutUtf8IsDecodedFromItsOwnDeclaration() throws IOException {
		byte[] bytes = Files.readAllBytes(ExtractorGoldenTest.DIR.resolve("mapn-article.html"));
		Charsets.Decoded decoded = Charsets.decode(bytes, "utf-8", "ro");
		assertThat(decoded.charset().name()).isEqualTo("windows-1250");
		assertThat(decoded.text()).contains("Apărării Naţionale");
		Extraction extraction = Extractor.extract("https://www.mapn.ro/cpresa/20289_x", decoded.text(), Selectors.NONE,
				Hints.NONE, ZoneId.of("Europe/Bucharest"), "ro");
		assertThat(extraction.bodyText()).doesNotContain("presamapn@mapn.ro").doesNotContain("Direcţia Informare");
	}

	@Test
	void theSeedDocumentsExtractToTheGoldBodies() throws IOException {
		assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is not here");
		JsonNode gold = JsonMapper.builder().build().readTree(SEEDS.resolve("gold.json").toFile()).get("documents");
		for (String name : List.of("nato-rutte-bemowo-piskie.txt", "defence24-pl-ro-video-conference.txt")) {
			JsonNode expected = gold.get(name);
			String content = Files.readString(SEEDS.resolve(name), StandardCharsets.UTF_8);
			String text = Extractor.extract(null, content, Selectors.NONE, Hints.NONE, ZoneId.of("UTC"), "en")
				.bodyText();
			assertThat(text).as(name)
				.startsWith(expected.get("body_starts_with").asString())
				.endsWith(expected.get("body_ends_with").asString());
			for (JsonNode boilerplate : expected.get("boilerplate_that_must_not_be_in_body")) {
				assertThat(text).as(name).doesNotContain(boilerplate.asString());
			}
		}
	}

}
