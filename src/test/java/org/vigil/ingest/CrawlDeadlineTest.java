package org.vigil.ingest;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import org.vigil.sources.SourceCrawlStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad source never stalls the others: a server that sends its headers and then
 * dribbles its body forever is called off at the source's deadline, recorded as failed
 * with the reason, and neither the round nor the scheduler's next tick waits for it. The
 * request timeout covers headers only, which the dribbler sends at once; it is generous
 * so that a loaded machine's slow robots.txt answer is not mistaken for the failure under
 * test.
 */
@SpringBootTest(properties = { "vigil.ingest.allow-private-addresses=true", "vigil.ingest.politeness-delay=0s",
		"vigil.ingest.retry-backoff=10ms", "vigil.ingest.request-timeout=5s", "vigil.ingest.threads=7",
		"vigil.ingest.source-deadline=6s", "vigil.ingest.claim-lease=1s", "vigil.ingest.claim-renewal=250ms" })
class CrawlDeadlineTest {

	static final List<String> SHIPPED = List.of("nato", "uk-mod", "us-dod", "pl-mon", "ro-mapn", "de-bmvg",
			"defence24");

	static final Duration DEADLINE = Duration.ofSeconds(6);

	@Autowired
	CrawlService crawls;

	@Autowired
	SourceCrawlStore sources;

	@Autowired
	JdbcTemplate jdbc;

	final AtomicBoolean stopDribbling = new AtomicBoolean();

	FixtureSite site;

	@BeforeEach
	void site() throws IOException {
		this.site = new FixtureSite();
		this.site.route("/d24/_rss", FixtureSite.dribbling("application/rss+xml", this.stopDribbling));
		CrawlTest.pointShippedSourcesAt(this.jdbc, this.site.base());
		this.jdbc.update("delete from item_version");
		this.jdbc.update("delete from raw_capture");
		this.jdbc.update("delete from item");
		this.jdbc.update("delete from fetch_state");
		this.jdbc.update("update source set enabled = false, consecutive_failures = 0, last_error = null, "
				+ "crawl_claim = null, crawl_lease_until = null, next_check_at = now() - interval '1 minute'");
	}

	@AfterEach
	void stop() {
		this.stopDribbling.set(true);
		this.site.close();
	}

	@Test
	@Timeout(60)
	void aRoundOfSevenSourcesEndsAtTheDeadlineOfTheOneThatDribblesAndStoresTheOtherSix() {
		this.jdbc.update("update source set enabled = true where key = any(?)",
				(Object) SHIPPED.toArray(String[]::new));

		long start = System.nanoTime();
		List<Crawler.Summary> round = this.crawls.crawlDue();
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("ROUND of 7 sources, one dribbling its body forever, deadline %d s: %.1f s wall time%n",
				DEADLINE.toSeconds(), seconds);

		Map<String, Crawler.Summary> byKey = round.stream()
			.collect(Collectors.toMap(Crawler.Summary::key, Function.identity()));
		assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(SHIPPED);
		// The seven crawl at once: the round lasts the dribbler's deadline, and not more.
		assertThat(seconds).isGreaterThanOrEqualTo(DEADLINE.toSeconds() - 0.1).isLessThan(DEADLINE.toSeconds() + 2);
		assertThat(byKey.get("defence24").error()).contains("crawl not complete after 6 s");
		assertThat(this.jdbc.queryForMap(
				"select consecutive_failures, last_error, crawl_claim is null as released, next_check_at > now() as backs_off "
						+ "from source where key = 'defence24'"))
			.containsEntry("consecutive_failures", 1)
			.containsEntry("released", true)
			.containsEntry("backs_off", true)
			.hasEntrySatisfying("last_error", (error) -> assertThat((String) error).contains("crawl not complete"));
		for (String key : SHIPPED) {
			if (!key.equals("defence24")) {
				assertThat(byKey.get(key).created()).as(key + " " + byKey.get(key)).isPositive();
				assertThat(this.jdbc.queryForObject("select consecutive_failures from source where key = ?",
						Integer.class, key))
					.as(key)
					.isZero();
			}
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from item where source_id = " + "(select id from source where key = 'defence24')",
				Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from fetch_state where url like '%/d24/%'", Integer.class))
			.as("no validators saved for the listing that never finished")
			.isZero();
	}

	@Test
	@Timeout(60)
	void theSchedulersTickReturnsAtOnceAndNeverClaimsASourceWhoseCrawlIsAliveTwice() throws InterruptedException {
		this.jdbc.update("update source set enabled = true where key in ('defence24', 'de-bmvg')");
		long d24 = this.jdbc.queryForObject("select id from source where key = 'defence24'", Long.class);

		long start = System.nanoTime();
		int started = this.crawls.startDue();
		double tickSeconds = (System.nanoTime() - start) / 1e9;
		assertThat(started).isEqualTo(2);
		assertThat(tickSeconds).as("the tick only starts crawls").isLessThan(1.0);
		UUID token = this.jdbc.queryForObject("select crawl_claim from source where id = ?", UUID.class, d24);
		assertThat(token).isNotNull();
		await(() -> count(
				"select count(*) from item where source_id = (select id from source where key = 'de-bmvg')") == 2);

		// A source that falls due while defence24 is stuck is started by the next tick,
		// which again returns at once; the stuck one stays with its crawl.
		this.jdbc.update("update source set enabled = true where key = 'nato'");
		start = System.nanoTime();
		this.crawls.startDue();
		assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
		await(() -> count(
				"select count(*) from item where source_id = (select id from source where key = 'nato')") == 3);

		// Its lease (1 s) is renewed while it runs: another instance never gets it.
		int tries = 0;
		UUID held;
		while (tries < 8 && (held = this.jdbc.queryForObject("select crawl_claim from source where id = ?", UUID.class,
				d24)) != null) {
			tries++;
			assertThat(held).isEqualTo(token);
			assertThat(this.sources.claimDue(java.time.Instant.now(), 50, Duration.ofSeconds(1), "other@elsewhere"))
				.noneMatch((claim) -> claim.source().id() == d24);
			assertThat(this.sources.claim(d24, java.time.Instant.now(), Duration.ofSeconds(1), "other@elsewhere"))
				.isEmpty();
			Thread.sleep(300);
		}
		assertThat(tries).as("tries while the crawl held its source").isGreaterThanOrEqualTo(2);
		await(() -> this.jdbc.queryForObject("select crawl_claim is null from source where id = ?", Boolean.class,
				d24));
		double crawlSeconds = (System.nanoTime() - start) / 1e9;
		assertThat(this.jdbc.queryForObject("select last_error from source where id = ?", String.class, d24))
			.contains("crawl not complete after 6 s");
		assertThat(crawlSeconds).isLessThan(DEADLINE.toSeconds() + 3);
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

	static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition not met within 20 s").isLessThan(until);
			Thread.sleep(50);
		}
	}

}
