package org.vigil.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.CommandRun;
import org.vigil.support.KillablePostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL killed (kill -9 of the postmaster) in the middle of a crawl and started
 * again: nothing the crawl had committed is lost, the crawl ends instead of hanging, and
 * the next round stores the rest, each article once.
 */
class CrawlDuringDatabaseOutageTest {

	private static final int ARTICLES = 30;

	@TempDir
	Path dataDir;

	@Test
	void aDatabaseKilledMidCrawlLosesNothingCommittedAndTheNextRoundStoresTheRestOnce() throws Exception {
		try (KillablePostgres postgres = KillablePostgres.start(this.dataDir); FixtureSite site = new FixtureSite()) {
			Map<String, String> properties = CrawlTest.properties(postgres.url());
			JdbcTemplate jdbc = IngestCommandsTest.jdbc(postgres.url());
			String base = site.base();
			SlowMinistry.serve(site, ARTICLES);
			SlowMinistry.register(properties, jdbc, base);

			CompletableFuture<CommandRun> crawl = CompletableFuture
				.supplyAsync(() -> CommandRun.of(properties, "crawl", "--once", "--source", "slow"));
			Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
			while (count(jdbc) < 5 && Instant.now().isBefore(deadline) && !crawl.isDone()) {
				Thread.sleep(50);
			}
			List<String> committed = jdbc.queryForList("select canonical_key from item order by id", String.class);
			postgres.kill();
			Thread.sleep(5000); // an outage, not a blip
			postgres.restart();

			CommandRun interrupted = crawl.get(3, TimeUnit.MINUTES);
			assertThat(committed).as("stored before the kill").hasSizeBetween(5, ARTICLES - 1);
			assertThat(jdbc.queryForList("select canonical_key from item", String.class))
				.as("after the outage, crawl said: %s", interrupted.err())
				.containsAll(committed);

			CommandRun next = CommandRun.of(properties, "crawl", "--once", "--source", "slow");
			assertThat(next.exitCode()).as(next.err()).isZero();
			List<String> after = jdbc.queryForList("select canonical_key from item order by id", String.class);
			assertThat(after).hasSize(ARTICLES).doesNotHaveDuplicates().containsAll(committed);
		}
	}

	private static int count(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from item", Integer.class);
	}

}
