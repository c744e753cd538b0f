package org.vigil.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.vigil.sources.UrlPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** robots.txt as RFC 9309 reads it, against a local site. */
class RobotsTxtTest {

	private static Fetcher fetcher() {
		IngestProperties properties = new IngestProperties("Vigil/0.1 (test)", Duration.ofSeconds(2),
				Duration.ofSeconds(2), 1_000_000, 5, Duration.ZERO, 1, Duration.ofMillis(10), Duration.ofSeconds(1),
				true, 100, 3, 2, 4, Duration.ofMinutes(1));
		return new Fetcher(properties, new UrlPolicy(true));
	}

	private static void robots(FixtureSite site, int status, String body, AtomicInteger asked) {
		site.route("/robots.txt", (e) -> {
			asked.incrementAndGet();
			FixtureSite.send(e, status, "text/plain", body.getBytes(StandardCharsets.UTF_8), null);
		});
		site.route("/open", (e) -> FixtureSite.send(e, 200, "text/html", "<p>open</p>".getBytes(), null));
		site.route("/private/page", (e) -> FixtureSite.send(e, 200, "text/html", "<p>secret</p>".getBytes(), null));
	}

	@Test
	void disallowedPathsAreNotFetchedAndTheFileIsReadOncePerHost() throws IOException {
		AtomicInteger asked = new AtomicInteger();
		try (FixtureSite site = new FixtureSite()) {
			robots(site, 200, "User-agent: *\nDisallow: /private/\n", asked);
			Fetcher fetcher = fetcher();
			assertThat(fetcher.get(site.base() + "/open").status()).isEqualTo(200);
			assertThatThrownBy(() -> fetcher.get(site.base() + "/private/page")).isInstanceOf(FetchException.class)
				.hasMessageContaining("robots.txt of 127.0.0.1 disallows");
			assertThat(fetcher.get(site.base() + "/open").status()).isEqualTo(200);
			assertThat(asked).hasValue(1);
			assertThat(site.requests).doesNotContain("/private/page");
		}
	}

	@Test
	void aGzipEncodedRobotsTxtIsReadNotIgnored() throws IOException {
		try (FixtureSite site = new FixtureSite()) {
			byte[] rules = FetchFaultsTest
				.gzip("User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
			site.route("/robots.txt", (e) -> {
				e.getResponseHeaders().set("Content-Encoding", "gzip");
				FixtureSite.send(e, 200, "text/plain", rules, null);
			});
			site.route("/private/page", (e) -> FixtureSite.send(e, 200, "text/html", "<p>secret</p>".getBytes(), null));
			assertThatThrownBy(() -> fetcher().get(site.base() + "/private/page")).isInstanceOf(FetchException.class)
				.hasMessageContaining("disallows");
			assertThat(site.requests).doesNotContain("/private/page");
		}
	}

	@Test
	void aRobotsTxtServedAsAGzipFileWithoutContentEncodingIsReadToo() throws IOException {
		try (FixtureSite site = new FixtureSite()) {
			byte[] rules = FetchFaultsTest
				.gzip("User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
			site.route("/robots.txt", (e) -> FixtureSite.send(e, 200, "application/x-gzip", rules, null));
			site.route("/private/page", (e) -> FixtureSite.send(e, 200, "text/html", "<p>secret</p>".getBytes(), null));
			assertThatThrownBy(() -> fetcher().get(site.base() + "/private/page")).isInstanceOf(FetchException.class)
				.hasMessageContaining("disallows");
			assertThat(site.requests).doesNotContain("/private/page");
		}
	}

	@Test
	void aMissingRobotsTxtAllowsEverything() throws IOException {
		AtomicInteger asked = new AtomicInteger();
		try (FixtureSite site = new FixtureSite()) {
			robots(site, 404, "not found", asked);
			assertThat(fetcher().get(site.base() + "/private/page").status()).isEqualTo(200);
		}
	}

	@Test
	void aServerErrorOnRobotsTxtKeepsTheCrawlerOffTheHostWithAClearReason() throws IOException {
		AtomicInteger asked = new AtomicInteger();
		try (FixtureSite site = new FixtureSite()) {
			robots(site, 503, "busy", asked);
			Fetcher fetcher = fetcher();
			assertThatThrownBy(() -> fetcher.get(site.base() + "/open")).isInstanceOf(FetchException.class)
				.hasMessageContaining("robots.txt of 127.0.0.1 could not be read (HTTP 503)")
				.hasMessageContaining("retrying after 5 minutes");
			assertThatThrownBy(() -> fetcher.get(site.base() + "/open")).isInstanceOf(FetchException.class);
			assertThat(site.requests).doesNotContain("/open");
			// Asked once and retried once (vigil.ingest.retries=1), then remembered.
			assertThat(asked).hasValue(2);
		}
	}

}
