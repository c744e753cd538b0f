package org.vigil.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import org.vigil.support.CommandRun;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code crawl --once} against a local site with every shipped source in its real
 * structure, and against sources that misbehave in every way the issue lists.
 */
class CrawlTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static Map<String, String> properties(String url) {
		Map<String, String> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", "postgres");
		properties.put("vigil.ingest.allow-private-addresses", "true");
		properties.put("vigil.ingest.politeness-delay", "0s");
		properties.put("vigil.ingest.retry-backoff", "10ms");
		properties.put("vigil.ingest.request-timeout", "1s");
		properties.put("vigil.ingest.max-body-bytes", "1000000");
		return properties;
	}

	static void pointShippedSourcesAt(JdbcTemplate jdbc, String base) {
		Map<String, List<String>> urls = Map.of("nato",
				List.of(base + "/nato/news.json", base + "/nato/transcripts.json"), "uk-mod",
				List.of(base + "/govuk/feed.atom"), "us-dod", List.of(base + "/war/releases.rss"), "pl-mon",
				List.of(base + "/govpl/aktualnosci.html"), "ro-mapn", List.of(base + "/mapn/index.php"), "de-bmvg",
				List.of(base + "/bmvg/feed.xml"), "defence24", List.of(base + "/d24/_rss"));
		urls.forEach((key, list) -> jdbc.update("update source set urls = ? where key = ?", list.toArray(String[]::new),
				key));
		jdbc.update("update source set settings = settings || cast(? as jsonb) where key = 'uk-mod'",
				"{\"content_api\":\"" + base + "/api/content\"}");
	}

	static Map<String, JsonNode> bySource(CommandRun run) {
		Map<String, JsonNode> rows = new HashMap<>();
		for (JsonNode row : JSON.readTree(run.out()).get("sources")) {
			rows.put(row.get("id").asString(), row);
		}
		return rows;
	}

	@Test
	void crawlOnceStoresTheExpectedItemsOfEveryShippedSourceAndASecondRunStoresNothingNew() throws IOException {
		String url = TestPostgres.newDatabase();
		Map<String, String> properties = properties(url);
		JdbcTemplate jdbc = IngestCommandsTest.jdbc(url);
		try (FixtureSite site = new FixtureSite()) {
			site.route("/war/News/Releases/Release/Article/4321570/statement-on-the-attack/",
					exchange -> FixtureSite.send(exchange, 403, "text/html", "Access Denied".getBytes(), null));
			assertThat(CommandRun.of(properties, "source", "list").exitCode()).isZero();
			pointShippedSourcesAt(jdbc, site.base());

			CommandRun first = CommandRun.of(properties, "crawl", "--once", "--json");
			assertThat(first.exitCode()).as(first.err()).isZero();
			Map<String, JsonNode> rows = bySource(first);
			assertThat(rows.keySet()).containsExactlyInAnyOrder("nato", "uk-mod", "us-dod", "pl-mon", "ro-mapn",
					"de-bmvg", "defence24");
			Map<String, Integer> expected = Map.of("nato", 3, "uk-mod", 2, "us-dod", 2, "pl-mon", 2, "ro-mapn", 2,
					"de-bmvg", 2, "defence24", 2);
			expected.forEach((key, count) -> {
				assertThat(rows.get(key).get("new").asInt())
					.as(key + ": " + rows.get(key) + " "
							+ jdbc.queryForObject("select last_error from source where key = ?", String.class, key))
					.isEqualTo(count);
				assertThat(rows.get(key).get("failed").asInt()).as(key).isZero();
			});
			assertThat(jdbc.queryForObject("select count(*) from item", Integer.class)).isEqualTo(15);
			assertThat(jdbc.queryForObject("select count(*) from source where consecutive_failures > 0", Integer.class))
				.isZero();

			Map<String, Object> nato = jdbc.queryForMap(
					"select title, published_at::date::text as day, published_precision, body_text, item_type from item "
							+ "where url like '%secretary-general-visits-lithuania'");
			assertThat(nato.get("title")).isEqualTo("Secretary General visits Allied troops in Lithuania");
			assertThat(nato.get("day")).isEqualTo("2026-07-07");
			assertThat(nato.get("published_precision")).isEqualTo("date");
			assertThat((String) nato.get("body_text")).startsWith("NATO Secretary General Mark Rutte")
				.doesNotContain("MULTIMEDIA");
			assertThat(
					jdbc.queryForObject("select item_type from item where url like '%joint-press-point'", String.class))
				.isEqualTo("speech");

			Map<String, Object> uk = jdbc.queryForMap(
					"select canonical_key, item_type, author, published_at::text as published from item where title = 'UK deploys Typhoons to Poland'");
			assertThat(uk.get("canonical_key")).isEqualTo("govuk:5f1c2a7e-0000-4000-8000-000000000001");
			assertThat(uk.get("item_type")).isEqualTo("press-release");
			assertThat(uk.get("author")).isEqualTo("John Healey");
			assertThat(jdbc.queryForObject(
					"select withdrawn_note from item where canonical_key = 'govuk:5f1c2a7e-0000-4000-8000-000000000002'",
					String.class))
				.contains("previous government");

			assertThat(jdbc.queryForObject(
					"select partial from item where title = 'Statement on the Attack in the Red Sea'", Boolean.class))
				.isTrue();
			assertThat(jdbc.queryForObject("select last_error from source where key = 'us-dod'", String.class))
				.contains("HTTP 403");
			assertThat(jdbc.queryForObject("select body_text from item where title like 'Hegseth%'", String.class))
				.endsWith("Hegseth said.");
			assertThat(jdbc.queryForObject("select published_at::text from item where title like 'Hegseth%'",
					String.class))
				.startsWith("2026-09-15 14:05:00");

			assertThat(jdbc.queryForObject("select body_text from item where url like '%20289_ministrul-apararii'",
					String.class))
				.contains("Ministrul apărării naţionale")
				.doesNotContain("presamapn");
			assertThat(jdbc.queryForObject(
					"select published_at::date::text from item where url like '%20288_exercitiu'", String.class))
				.isEqualTo("2026-09-09");
			assertThat(jdbc.queryForObject("select title from item where url like '%umowa-na-k2pl'", String.class))
				.isEqualTo("Umowa na czołgi K2PL podpisana");
			assertThat(jdbc.queryForObject("select partial from item where title like 'Tajna broń%'", Boolean.class))
				.isTrue();
			assertThat(jdbc.queryForObject(
					"select count(*) from item join source on source.id = item.source_id where not source.official",
					Integer.class))
				.isEqualTo(2);
			assertThat(jdbc.queryForList(
					"select url from item where not exists (select 1 from raw_capture where item_id = item.id)",
					String.class))
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.endsWith("/4321570/statement-on-the-attack/");

			int requestsBefore = site.requests.size();
			CommandRun second = CommandRun.of(properties, "crawl", "--once", "--json");
			assertThat(second.exitCode()).as(second.err()).isZero();
			bySource(second).forEach((key, row) -> {
				assertThat(row.get("new").asInt()).as(key).isZero();
				assertThat(row.get("updated").asInt()).as(key).isZero();
			});
			assertThat(jdbc.queryForObject("select count(*) from item", Integer.class)).isEqualTo(15);
			assertThat(jdbc.queryForObject("select count(*) from item_version", Integer.class)).isZero();
			// Unchanged listings cost one 304 each (plus the page that answers 403).
			assertThat(site.requests.size() - requestsBefore).isLessThanOrEqualTo(10);
		}
	}

	@Test
	void badInputGivesEachSourceAClearErrorWhileTheOthersContinue(@TempDir Path dir) throws IOException {
		String url = TestPostgres.newDatabase();
		Map<String, String> properties = properties(url);
		JdbcTemplate jdbc = IngestCommandsTest.jdbc(url);
		try (FixtureSite site = new FixtureSite()) {
			String base = site.base();
			site.route("/bad/404", e -> FixtureSite.send(e, 404, "text/html", "gone".getBytes(), null))
				.route("/bad/410", e -> FixtureSite.send(e, 410, "text/html", "gone".getBytes(), null))
				.route("/bad/500", e -> {
					e.getResponseHeaders().set("Retry-After", "0");
					FixtureSite.send(e, 503, "text/html", "busy".getBytes(), null);
				})
				.route("/bad/slow", e -> {
					try {
						Thread.sleep(3000);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					FixtureSite.send(e, 200, "application/rss+xml", "<rss/>".getBytes(), null);
				})
				.route("/bad/loop-a", e -> redirect(e, "/bad/loop-b"))
				.route("/bad/loop-b", e -> redirect(e, "/bad/loop-a"))
				.route("/bad/huge", e -> FixtureSite.send(e, 200, "application/rss+xml", new byte[2_000_000], null))
				.route("/bad/malformed.xml",
						e -> FixtureSite.send(e, 200, "application/rss+xml",
								"<rss><channel><item><title>x</title".getBytes(), null))
				.route("/bad/malformed.json",
						e -> FixtureSite.send(e, 200, "application/json", "{\"pages\": [ {\"title\": ".getBytes(),
								null))
				.route("/bad/listing.html",
						e -> FixtureSite.send(e, 200, "text/html",
								"<html><body><p>Under maintenance<div><b>".getBytes(), null))
				.route("/bad/mixed.rss", e -> FixtureSite.send(e, 200, "application/rss+xml", mixedFeed(base), null))
				.route("/bad/report.pdf", e -> FixtureSite.send(e, 200, "application/pdf", "%PDF-1.4".getBytes(), null))
				.route("/bad/future", e -> FixtureSite.send(e, 200, "text/html",
						page("Future statement", "<time datetime=\"2099-01-01T10:00:00Z\">1 January 2099</time>")
							.getBytes(),
						null))
				.route("/bad/undated",
						e -> FixtureSite.send(e, 200, "text/html",
								page("Undated statement", "<p class=\"date\">sometime soon</p>").getBytes(), null))
				.route("/bad/cp1250",
						e -> FixtureSite.send(e, 200, "text/html; charset=utf-8",
								page("Comunicat de presă", "")
									.replace("Body text", "Ministerul Apărării Naţionale anunţă exerciţii.")
									.getBytes(Charset.forName("windows-1250")),
								null))
				.route("/bad/dup", e -> FixtureSite.send(e, 200, "text/html",
						page("Duplicated entry", "").getBytes(StandardCharsets.UTF_8), null));

			assertThat(CommandRun.of(properties, "source", "list").exitCode()).isZero();
			pointShippedSourcesAt(jdbc, base);
			jdbc.update("update source set enabled = false where key <> 'de-bmvg'");
			Path yaml = dir.resolve("bad.yaml");
			StringBuilder declarations = new StringBuilder("sources:\n");
			Map<String, String> bad = Map.of("b-404", "feed|/bad/404", "b-410", "feed|/bad/410", "b-500",
					"feed|/bad/500", "b-slow", "feed|/bad/slow", "b-loop", "feed|/bad/loop-a", "b-huge",
					"feed|/bad/huge", "b-xml", "feed|/bad/malformed.xml", "b-json", "json-listing|/bad/malformed.json",
					"b-html", "html-listing|/bad/listing.html", "b-mixed", "feed|/bad/mixed.rss");
			bad.forEach((key, spec) -> declarations.append("  - key: ")
				.append(key)
				.append("\n    name: ")
				.append(key)
				.append("\n    kind: ")
				.append(spec.split("\\|")[0])
				.append("\n    urls: [\"")
				.append(base)
				.append(spec.split("\\|")[1])
				.append("\"]\n    language: ro\n    settings: {zone: Europe/Bucharest}\n"));
			Files.writeString(yaml, declarations);
			assertThat(CommandRun.of(properties, "source", "import", yaml.toString()).exitCode()).isZero();

			CommandRun run = CommandRun.of(properties, "crawl", "--once", "--json");
			// Nine sources failed: the exit code says so.
			assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
			assertThat(run.err()).contains("9 of 11 source(s) failed");
			Map<String, String> errors = new HashMap<>();
			jdbc.query("select key, last_error from source where enabled", rs -> {
				errors.put(rs.getString(1), String.valueOf(rs.getString(2)));
			});
			assertThat(errors.get("b-404")).contains("HTTP 404 Not Found");
			assertThat(errors.get("b-410")).contains("HTTP 410 Gone");
			assertThat(errors.get("b-500")).contains("HTTP 503");
			assertThat(errors.get("b-slow")).contains("timeout");
			assertThat(errors.get("b-loop")).contains("redirect loop");
			assertThat(errors.get("b-huge")).contains("over the limit");
			assertThat(errors.get("b-xml")).contains("malformed feed");
			assertThat(errors.get("b-json")).contains("malformed json-listing");
			assertThat(errors.get("b-html")).contains("no article links");
			assertThat(errors.get("b-mixed")).contains("not an HTML page (application/pdf)").contains("future date");
			assertThat(errors.get("de-bmvg")).isEqualTo("null");
			assertThat(jdbc.queryForObject(
					"select count(*) from source where key like 'b-%' and key <> 'b-mixed' and consecutive_failures = 1 "
							+ "and next_check_at > now() + interval '29 minutes'",
					Integer.class))
				.isEqualTo(9);
			assertThat(bySource(run).get("de-bmvg").get("new").asInt()).isEqualTo(2);

			assertThat(jdbc.queryForObject("select count(*) from item where title = 'Duplicated entry'", Integer.class))
				.isEqualTo(1);
			assertThat(jdbc.queryForObject("select published_at is null and published_raw like '%2099%' from item "
					+ "where title = 'Future statement'", Boolean.class))
				.isTrue();
			assertThat(jdbc.queryForObject("select published_at is null from item where title = 'Undated statement'",
					Boolean.class))
				.isTrue();
			assertThat(jdbc.queryForObject("select body_text from item where url like '%/bad/cp1250'", String.class))
				.contains("Ministerul Apărării Naţionale anunţă");

			int items = jdbc.queryForObject("select count(*) from item", Integer.class);
			CommandRun again = CommandRun.of(properties, "crawl", "--once", "--json");
			assertThat(again.exitCode()).isEqualTo(1);
			assertThat(jdbc.queryForObject("select count(*) from item", Integer.class)).isEqualTo(items);
			assertThat(
					jdbc.queryForObject("select consecutive_failures from source where key = 'b-404'", Integer.class))
				.isEqualTo(2);
		}
	}

	static String page(String title, String date) {
		return "<html><head><meta charset=\"windows-1250\"><title>" + title + "</title></head><body><article><h1>"
				+ title + "</h1>" + date
				+ "<p>Body text of the statement, long enough to be the main text of this page.</p>"
				+ "</article></body></html>";
	}

	static byte[] mixedFeed(String base) {
		StringBuilder rss = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Mixed</title>");
		for (String path : List.of("/bad/report.pdf", "/bad/future", "/bad/undated", "/bad/cp1250", "/bad/dup",
				"/bad/dup")) {
			rss.append("<item><title>Entry ")
				.append(path)
				.append("</title><link>")
				.append(base)
				.append(path)
				.append("</link><guid>")
				.append(java.util.UUID.randomUUID())
				.append("</guid></item>");
		}
		return rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
	}

	static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().set("Location", location);
		exchange.sendResponseHeaders(302, -1);
	}

}
