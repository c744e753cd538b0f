package org.vigil.ingest;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests to one host are kept apart; other hosts are not held up. */
class HostPolitenessTest {

	private static long millis(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	@Test
	@DisplayName("a second request to a host waits for the politeness delay; a request to another host does not")
	void theDelayHoldsPerHost() {
		HostPoliteness politeness = new HostPoliteness(Duration.ofMillis(300));
		URI site = URI.create("http://site.test/a");
		URI other = URI.create("http://other.test/a");
		politeness.await(site, 0);
		assertThat(millis(() -> politeness.await(other, 0))).as("ms for another host").isLessThan(250);
		assertThat(millis(() -> politeness.await(site, 0))).as("ms for the same host").isGreaterThanOrEqualTo(250);
	}

	@Test
	@DisplayName("a robots.txt crawl-delay longer than the politeness delay wins")
	void aLongerCrawlDelayWins() {
		HostPoliteness politeness = new HostPoliteness(Duration.ZERO);
		URI site = URI.create("http://site.test/a");
		politeness.await(site, 400);
		assertThat(millis(() -> politeness.await(site, 400))).isGreaterThanOrEqualTo(350);
		assertThat(millis(() -> politeness.await(URI.create("http://site.test:8080/a"), 0)))
			.as("another port, no delay asked")
			.isLessThan(350);
	}

}
