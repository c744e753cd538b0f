package org.vigil.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.VigilApplication;
import org.vigil.support.CommandRun;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crawl killed with SIGKILL half-way loses nothing it had committed, and the next crawl
 * stores the rest without duplicating anything.
 */
class CrawlAfterKillTest {

	private static final int ARTICLES = 40;

	@Test
	void aCrawlKilledMidwayKeepsWhatItStoredAndTheNextCrawlStoresTheRestOnce(@TempDir Path dir)
			throws IOException, InterruptedException {
		String url = TestPostgres.newDatabase();
		Map<String, String> properties = CrawlTest.properties(url);
		JdbcTemplate jdbc = IngestCommandsTest.jdbc(url);
		try (FixtureSite site = new FixtureSite()) {
			String base = site.base();
			SlowMinistry.serve(site, ARTICLES);
			SlowMinistry.register(properties, jdbc, base);

			Process crawl = childJvm(properties, dir, "crawl", "--once");
			Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
			while (count(jdbc) < 5 && Instant.now().isBefore(deadline) && crawl.isAlive()) {
				Thread.sleep(50);
			}
			crawl.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			List<String> before = jdbc.queryForList("select canonical_key from item order by id", String.class);
			assertThat(before).as("stored before the kill").hasSizeBetween(5, ARTICLES - 1);

			CommandRun again = CommandRun.of(properties, "crawl", "--once", "--source", "slow");
			assertThat(again.exitCode()).as(again.err()).isZero();
			List<String> after = jdbc.queryForList("select canonical_key from item order by id", String.class);
			assertThat(after).hasSize(ARTICLES).doesNotHaveDuplicates().containsAll(before);
			assertThat(jdbc.queryForObject(
					"select count(*) from item where body_text like '%Body text of the statement%'", Integer.class))
				.isEqualTo(ARTICLES);
		}
	}

	private static int count(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from item", Integer.class);
	}

	/**
	 * {@code java -cp <this classpath> VigilApplication ARGS}, a process that can be
	 * killed.
	 */
	private static Process childJvm(Map<String, String> properties, Path dir, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
		command.add(VigilApplication.class.getName());
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("crawl.log").toFile())
			.start();
	}

}
