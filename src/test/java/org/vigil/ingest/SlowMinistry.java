package org.vigil.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.vigil.support.CommandRun;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site the crash tests kill a crawl of: a feed of numbered statements whose pages
 * take 150 ms each, so that a crawl is caught half-way.
 */
final class SlowMinistry {

	private SlowMinistry() {
	}

	/** Serves the feed at {@code /slow/feed.rss} and its {@code articles} pages. */
	static void serve(FixtureSite site, int articles) {
		String base = site.base();
		site.route("/slow/feed.rss",
				(e) -> FixtureSite.send(e, 200, "application/rss+xml", FixtureSite.numberedFeed(base, articles), null));
		for (int n = 1; n <= articles; n++) {
			String title = "Statement number " + n;
			site.route("/slow/a/" + n, (e) -> {
				sleep(150);
				FixtureSite.send(e, 200, "text/html",
						CrawlTest.page(title, "<time datetime=\"2026-03-01T10:00:00Z\">1 March 2026</time>")
							.getBytes(StandardCharsets.UTF_8),
						null);
			});
		}
	}

	/** Adds the site as source {@code slow}, the only one enabled. */
	static void register(Map<String, String> properties, JdbcTemplate jdbc, String base) {
		assertThat(CommandRun
			.of(properties, "source", "add", "--name", "Slow ministry", "--key", "slow", "--kind", "feed", "--url",
					base + "/slow/feed.rss", "--language", "en")
			.exitCode()).isZero();
		jdbc.update("update source set enabled = (key = 'slow')");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
