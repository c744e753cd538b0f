package org.vigil.items;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import org.vigil.support.CpuTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What storing costs, without fetching or extraction: items stored per second by four
 * threads (as a crawl's article threads do), and how long tagging takes to catch up. Runs
 * only with {@code -Dbench=true}; compares the durable event publication with what it
 * replaced.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest
class StoreThroughputBenchmarkTest {

	private static final String TEXT = "NATO Secretary General Mark Rutte met the Minister of National Defence of "
			+ "Poland in Warsaw to discuss the eastern flank, air defence, F-35 deliveries and support for Ukraine. "
			+ "The ministers agreed that the Forward Land Forces in Orzysz would stay. ";

	@Autowired
	ItemStore store;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void storesItemsAndTaggingCatchesUp() throws Exception {
		long source = this.jdbc.queryForObject("select id from source where key = 'nato'", Long.class);
		store(source, "warm-up", 300);
		awaitTagged(300, 120);
		int items = 2000;
		long jvmCpu = CpuTime.jvmNanos();
		long postgresCpu = CpuTime.postgresNanos(this.jdbc);
		long start = System.nanoTime();
		store(source, "measured", items);
		double seconds = (System.nanoTime() - start) / 1e9;
		long stored = System.nanoTime();
		awaitTagged(300 + items, 300);
		double catchUp = (System.nanoTime() - stored) / 1e9;
		jvmCpu = CpuTime.jvmNanos() - jvmCpu;
		postgresCpu = CpuTime.postgresNanos(this.jdbc) - postgresCpu;
		System.out.printf(
				"BENCH store: %d items in %.2f s = %.0f items/s (4 threads); all tagged %.1f s later; "
						+ "CPU per item stored and tagged: JVM %.2f ms, PostgreSQL %.2f ms; load average %s%n",
				items, seconds, items / seconds, catchUp, jvmCpu / 1e6 / items, postgresCpu / 1e6 / items,
				Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		assertThat(tagged()).isEqualTo(300 + items);
	}

	private void store(long source, String prefix, int count) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String key = prefix + "/" + i;
				String text = "Statement " + key + ". " + TEXT.repeat(8);
				done.add(threads.submit(() -> this.store.store(new ItemDraft(source, "bench:" + key,
						"https://example.org/" + key, "Minister visits troops " + key, "news", "en", null,
						Instant.parse("2026-07-07T10:00:00Z"), "time", null, null, "<p>" + text + "</p>", text, false,
						null, null, new ItemDraft.RawCapture("https://example.org/" + key, Instant.now(), 200,
								"text/html", "UTF-8", ("<p>" + text + "</p>").getBytes(), null)))));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			threads.shutdown();
			threads.awaitTermination(1, TimeUnit.MINUTES);
		}
	}

	private void awaitTagged(int count, int seconds) throws InterruptedException {
		for (int wait = 0; wait < seconds * 10 && tagged() < count; wait++) {
			Thread.sleep(100);
		}
	}

	private int tagged() {
		return this.jdbc.queryForObject("select count(*) from item_tagging", Integer.class);
	}

}
