package org.vigil.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import org.vigil.support.CommandRun;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code crawl --once} of a feed whose articles misbehave in every way a hostile or
 * broken site can, with the guard on: the good articles are stored, each bad one leaves a
 * clear reason on the source and nothing in the database, and a loopback server named by
 * links in the feed sees no connection at all.
 */
class HostileSourceCrawlTest {

	@Test
	@DisplayName("bad articles store nothing and say why, the good ones are stored, links to loopback reach nothing")
	void badArticlesStoreNothingTheOthersContinueAndLoopbackSeesNothing(@TempDir Path dir) throws IOException {
		String url = TestPostgres.newDatabase();
		Map<String, String> properties = CrawlTest.properties(url);
		properties.put("vigil.ingest.allow-private-addresses", "false");
		// 127.0.0.2 stands for the public site; 127.0.0.1 for the network behind Vigil.
		properties.put("vigil.ingest.allowed-addresses", "127.0.0.2");
		properties.put("vigil.ingest.fetch-deadline", "1s");
		properties.put("vigil.ingest.retries", "0");
		JdbcTemplate jdbc = IngestCommandsTest.jdbc(url);
		try (RawHttpServer hostile = new RawHttpServer("127.0.0.1");
				RawHttpServer site = new RawHttpServer("127.0.0.2")) {
			hostile.route("/*", (path, out) -> RawHttpServer.send(out, 200, "text/html",
					CrawlTest.page("Internal secret", "").getBytes(StandardCharsets.UTF_8)));
			String loopback = "127.0.0.1:" + hostile.port();
			String base = site.base();
			List<String> links = List.of(base + "/a/good", base + "/a/slow", base + "/a/cut", base + "/a/bomb",
					base + "/a/huge", base + "/a/loop/0", base + "/a/to-loopback", base + "/a/good2",
					"http://" + loopback + "/secret", "http://localhost:" + hostile.port() + "/secret",
					"http://" + loopback + "%2fsecret%3fx=@127.0.0.2:" + site.port() + "/a/good3",
					"http://2130706433:" + hostile.port() + "/secret");
			StringBuilder rss = new StringBuilder(
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Hostile</title>");
			for (String link : links) {
				rss.append("<item><title>Entry</title><link>")
					.append(link.replace("&", "&amp;"))
					.append("</link></item>");
			}
			rss.append("</channel></rss>");
			site.route("/feed.rss",
					(path, out) -> RawHttpServer.send(out, 200, "application/rss+xml",
							rss.toString().getBytes(StandardCharsets.UTF_8)))
				.route("/a/good", (path, out) -> page(out, "Good statement"))
				.route("/a/good2", (path, out) -> page(out, "Second good statement"))
				.route("/a/good3", (path, out) -> page(out, "Third good statement"))
				.route("/a/slow", (path, out) -> {
					head(out, "Content-Length: 100000\r\n");
					for (int i = 0; i < 50; i++) {
						out.write(' ');
						out.flush();
						FetchFaultsTest.sleep(100);
					}
				})
				.route("/a/cut", (path, out) -> {
					head(out, "Content-Length: 5000\r\n");
					out.write(CrawlTest.page("Cut statement", "").getBytes(StandardCharsets.UTF_8), 0, 200);
				})
				.route("/a/bomb",
						(path, out) -> RawHttpServer.send(out, 200, "text/html",
								FetchFaultsTest.gzippedZeros(50_000_000), "Content-Encoding: gzip\r\n"))
				.route("/a/huge", (path, out) -> {
					head(out, "");
					byte[] line = "a".repeat(65_536).getBytes(StandardCharsets.US_ASCII);
					for (int i = 0; i < 160; i++) {
						out.write(line);
					}
				})
				.route("/a/loop/*",
						(path, out) -> RawHttpServer.redirect(out,
								"/a/loop/" + (Integer.parseInt(path.substring("/a/loop/".length())) + 1)))
				.route("/a/to-loopback", (path, out) -> RawHttpServer.redirect(out, "http://" + loopback + "/secret"));

			assertThat(CommandRun.of(properties, "source", "list").exitCode()).isZero();
			jdbc.update("update source set enabled = false");
			Path yaml = dir.resolve("hostile.yaml");
			Files.writeString(yaml, "sources:\n  - key: hostile\n    name: Hostile\n    kind: feed\n    urls: [\""
					+ base + "/feed.rss\"]\n    language: en\n    settings: {zone: Europe/Bucharest}\n");
			CommandRun imported = CommandRun.of(properties, "source", "import", yaml.toString());
			assertThat(imported.exitCode()).as(imported.err()).isZero();

			long start = System.nanoTime();
			CommandRun run = CommandRun.of(properties, "crawl", "--once", "--json");
			assertThat(run.exitCode()).as(run.err()).isZero();
			assertThat((System.nanoTime() - start) / 1_000_000_000).as("seconds for the crawl").isLessThan(30);

			assertThat(jdbc.queryForList("select title from item order by title", String.class))
				.containsExactly("Good statement", "Second good statement");
			assertThat(jdbc.queryForObject("select count(*) from raw_capture", Integer.class)).isEqualTo(2);
			String error = jdbc.queryForObject("select last_error from source where key = 'hostile'", String.class);
			assertThat(error).contains("not complete after 1 s")
				.contains("connection closed mid-body")
				.contains("decompressed body is over the limit")
				.contains("body is over the limit of 1000000 bytes")
				.contains("more than 5 redirects")
				.contains("refusing a private or loopback address (127.0.0.1)")
				.contains("IP addresses must be written as four decimal numbers")
				.contains("URLs with user info (user@host) are refused");
			// The link that hid loopback in its authority was refused whole, robots.txt
			// included.
			assertThat(site.requests).doesNotContain("/a/good3");
			assertThat(hostile.connections).as("connections that reached the loopback server").hasValue(0);
		}
	}

	private static void head(OutputStream out, String headers) throws IOException {
		out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + headers
				+ "Connection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	private static void page(OutputStream out, String title) throws IOException {
		RawHttpServer.send(out, 200, "text/html; charset=utf-8",
				CrawlTest.page(title, "<time datetime=\"2025-03-01T10:00:00Z\">1 March 2025</time>")
					.replace("windows-1250", "utf-8")
					.getBytes(StandardCharsets.UTF_8));
	}

}
