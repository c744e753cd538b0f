package org.vigil.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.vigil.support.CommandRun;
import org.vigil.support.CommandSession;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code extract}, {@code import} and {@code source} on the command line. */
class IngestCommandsTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Path FIXTURES = ExtractorGoldenTest.DIR;

	@Test
	void extractPrintsOneJsonLinePerInputInOrder(@TempDir Path dir) throws IOException {
		List<String> files = new java.util.ArrayList<>();
		for (int i = 0; i < 120; i++) {
			Path copy = dir.resolve("page-" + i + ((i % 2 == 0) ? ".html" : ".txt"));
			Files.copy(FIXTURES.resolve((i % 2 == 0) ? "bmvg-article.html" : "nato-account-block.txt"), copy);
			files.add(copy.toString());
		}
		List<String> args = new java.util.ArrayList<>(List.of("extract"));
		args.addAll(files);
		CommandRun run = CommandRun.onFreshDatabase(args.toArray(String[]::new));
		assertThat(run.exitCode()).as(run.err()).isZero();
		List<String> lines = run.out().lines().toList();
		assertThat(lines).hasSize(120);
		for (int i = 0; i < lines.size(); i++) {
			JsonNode line = JSON.readTree(lines.get(i));
			assertThat(line.propertyNames()).containsExactly("file", "url", "title", "published", "published_precision",
					"language", "type", "author", "text");
			assertThat(line.get("file").asString()).isEqualTo(files.get(i));
		}
		JsonNode bmvg = JSON.readTree(lines.get(0));
		assertThat(bmvg.get("title").asString()).isEqualTo("Pistorius besucht Brigade in Litauen");
		assertThat(bmvg.get("language").asString()).isEqualTo("de");
		assertThat(bmvg.get("published").asString()).isEqualTo("2026-03-04");
		assertThat(JSON.readTree(lines.get(1)).get("text").asString()).startsWith("(As delivered)");
	}

	@Test
	void extractUsesTheRulesOfTheShippedSourceForTheOriginalUrl() {
		CommandRun run = CommandRun.onFreshDatabase("extract", "--url",
				"https://www.war.gov/News/Releases/Release/Article/4321567/x/",
				FIXTURES.resolve("dod-article.html").toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode line = JSON.readTree(run.out().strip());
		assertThat(line.get("published").asString()).isEqualTo("2026-09-15");
		assertThat(line.get("type").asString()).isEqualTo("press-release");
		assertThat(line.get("text").asString()).doesNotContain("Spotlights").endsWith("Hegseth said.");
	}

	@Test
	void importStoresFilesUnderTheManualSourceWithoutBoilerplate() {
		String url = TestPostgres.newDatabase();
		Map<String, String> db = Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres");
		try (CommandSession vigil = CommandSession.with(db)) {
			CommandRun run = vigil.run("import", FIXTURES.resolve("nato-account-block.txt").toString(),
					FIXTURES.resolve("defence24-image-links.txt").toString());
			assertThat(run.exitCode()).as(run.err()).isZero();
			assertThat(run.out().lines()).hasSize(2).allMatch(line -> line.startsWith("new item"));
			JdbcTemplate jdbc = jdbc(url);
			List<String> bodies = jdbc.queryForList(
					"select body_text from item join source on source.id = item.source_id where source.key = 'manual' order by item.id",
					String.class);
			assertThat(bodies.get(0)).startsWith("(As delivered)").doesNotContain("MULTIMEDIA ACCOUNT");
			assertThat(bodies.get(1)).endsWith("assessed the Deputy Prime Minister.").doesNotContain("![");
			assertThat(jdbc.queryForObject("select count(*) from raw_capture", Integer.class)).isEqualTo(2);

			CommandRun again = vigil.run("import", FIXTURES.resolve("nato-account-block.txt").toString());
			assertThat(again.out()).startsWith("unchanged item");
			assertThat(jdbc.queryForObject("select count(*) from item", Integer.class)).isEqualTo(2);

			jdbc.update(
					"update item set body_text = 'stale text', content_hash = 'stale' where url like '%nato-account-block.txt'");
			CommandRun reprocess = vigil.run("reprocess", "--source", "manual");
			assertThat(reprocess.exitCode()).as(reprocess.err()).isZero();
			assertThat(reprocess.out()).contains("reprocessed 2 item(s): 1 updated, 1 unchanged, 0 failed");
			assertThat(jdbc.queryForObject("select body_text from item where url like '%nato-account-block.txt'",
					String.class))
				.startsWith("(As delivered)");
			assertThat(jdbc.queryForObject("select body_text from item_version", String.class)).isEqualTo("stale text");
		}
	}

	@Test
	void theSeedsImportWithTheGoldBodies() throws IOException {
		Path seeds = ExtractorTest.SEEDS;
		assumeTrue(Files.isDirectory(seeds), "../shared/seeds is not here");
		String url = TestPostgres.newDatabase();
		CommandRun run = CommandRun.of(Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres"),
				"import", seeds.resolve("nato-rutte-bemowo-piskie.txt").toString(),
				seeds.resolve("defence24-pl-ro-video-conference.txt").toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode gold = JSON.readTree(seeds.resolve("gold.json").toFile()).get("documents");
		JdbcTemplate jdbc = jdbc(url);
		for (String name : List.of("nato-rutte-bemowo-piskie.txt", "defence24-pl-ro-video-conference.txt")) {
			String body = jdbc.queryForObject("select body_text from item where url like ?", String.class, "%/" + name);
			JsonNode expected = gold.get(name);
			assertThat(body).startsWith(expected.get("body_starts_with").asString())
				.endsWith(expected.get("body_ends_with").asString());
			for (JsonNode boilerplate : expected.get("boilerplate_that_must_not_be_in_body")) {
				assertThat(body).doesNotContain(boilerplate.asString());
			}
		}
	}

	@Test
	void sourcesShipWithTheMigrationAndCanBeAddedAndImported(@TempDir Path dir) throws IOException {
		String url = TestPostgres.newDatabase();
		Map<String, String> db = Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
				"vigil.ingest.allow-private-addresses", "false");
		try (CommandSession vigil = CommandSession.with(db)) {
			CommandRun list = vigil.run("source", "list");
			assertThat(list.exitCode()).as(list.err()).isZero();
			assertThat(list.out()).contains("nato", "uk-mod", "us-dod", "pl-mon", "ro-mapn", "de-bmvg", "defence24",
					"manual");

			CommandRun add = vigil.run("source", "add", "--name", "Estonian MoD", "--kind", "feed", "--url",
					"https://kaitseministeerium.ee/en/news/1/feed", "--language", "en", "--body-selector", ".content");
			assertThat(add.exitCode()).as(add.err()).isZero();
			assertThat(jdbc(url).queryForObject("select selectors->>'body' from source where key = 'estonian-mod'",
					String.class))
				.isEqualTo(".content");

			CommandRun loopback = vigil.run("source", "add", "--name", "Local", "--kind", "feed", "--url",
					"http://127.0.0.1:8080/feed");
			assertThat(loopback.exitCode()).isEqualTo(2);
			assertThat(loopback.err()).contains("private or loopback");

			CommandRun badPattern = vigil.run("source", "add", "--name", "Latvian MoD", "--kind", "html-listing",
					"--url", "https://www.mod.gov.lv/en/news", "--setting", "item_link_pattern=/news/([0-9+");
			assertThat(badPattern.exitCode()).isEqualTo(2);
			assertThat(badPattern.err()).contains("source latvian-mod: setting item_link_pattern",
					"not a regular expression");
			assertThat(jdbc(url).queryForObject("select count(*) from source where key = 'latvian-mod'", Integer.class))
				.isZero();

			Path yaml = dir.resolve("more.yaml");
			Files.writeString(yaml, """
					sources:
					  - key: fi-defmin
					    name: Finland — Ministry of Defence
					    kind: feed
					    language: en
					    urls: [https://defmin.fi/en/topical/static-rss-feeds/-/asset_publisher/bGmVi3cQo5T6/rss]
					    selectors: {body: ".journal-content-article", remove: [".share"]}
					""");
			CommandRun imported = vigil.run("source", "import", yaml.toString());
			assertThat(imported.exitCode()).as(imported.err()).isZero();
			assertThat(jdbc(url).queryForObject("select selectors->'remove'->>0 from source where key = 'fi-defmin'",
					String.class))
				.isEqualTo(".share");

			// One bad source in a file: an error naming it and its setting, and no source
			// of the file is saved.
			Files.writeString(yaml, """
					sources:
					  - key: lt-kam
					    name: Lithuania — Ministry of National Defence
					    kind: feed
					    urls: [https://kam.lt/en/feed/]
					  - key: fi-defmin
					    name: Finland — Ministry of Defence
					    kind: feed
					    urls: [https://defmin.fi/en/feed]
					    settings: {zone: Europe/Helsinki, item_link: "a.news"}
					""");
			CommandRun typo = vigil.run("source", "import", yaml.toString());
			assertThat(typo.exitCode()).isEqualTo(2);
			assertThat(typo.err()).contains("source fi-defmin: unknown setting 'item_link'");
			assertThat(jdbc(url).queryForObject("select count(*) from source where key = 'lt-kam'", Integer.class))
				.isZero();
		}
	}

	static JdbcTemplate jdbc(String url) {
		return new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
	}

}
