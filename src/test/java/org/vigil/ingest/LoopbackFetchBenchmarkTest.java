package org.vigil.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.vigil.sources.UrlPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one fetch costs on loopback, robots.txt, politeness and the guards included: 200
 * sequential fetches of a small page from a local site, after 200 to warm up; the best
 * and the median of 15 rounds, since a shared machine is noisy. Runs only with
 * {@code -Dbench=true} (see README).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class LoopbackFetchBenchmarkTest {

	private static final int FETCHES = 200;

	private static final int ROUNDS = 15;

	@Test
	void twoHundredSequentialFetchesOfALoopbackPage() throws IOException {
		byte[] page = "<html><body><p>a page</p></body></html>".repeat(50).getBytes(StandardCharsets.UTF_8);
		try (FixtureSite site = new FixtureSite()) {
			site.route("/page", (e) -> FixtureSite.send(e, 200, "text/html", page, null));
			Fetcher fetcher = new Fetcher(OutboundGuardTest.properties(Duration.ofSeconds(10), 1_000_000),
					new UrlPolicy(true));
			String url = site.base() + "/page";
			for (int i = 0; i < FETCHES; i++) {
				assertThat(fetcher.get(url).body()).hasSize(page.length);
			}
			long[] rounds = new long[ROUNDS];
			for (int round = 0; round < ROUNDS; round++) {
				long start = System.nanoTime();
				for (int i = 0; i < FETCHES; i++) {
					assertThat(fetcher.get(url).body()).hasSize(page.length);
				}
				rounds[round] = (System.nanoTime() - start) / 1_000_000;
			}
			fetcher.close();
			java.util.Arrays.sort(rounds);
			System.out.printf(
					"LOOPBACK %d sequential fetches, %d rounds: best %d ms, median %d ms (%.2f ms per fetch)%n",
					FETCHES, ROUNDS, rounds[0], rounds[ROUNDS / 2], rounds[ROUNDS / 2] / (double) FETCHES);
		}
	}

}
