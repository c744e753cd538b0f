package org.vigil.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import org.vigil.sources.Selectors;
import org.vigil.sources.Source;
import org.vigil.sources.SourceDeclaration;
import org.vigil.sources.SourceEditor;
import org.vigil.sources.SourceRepository;
import org.vigil.sources.SourceSettings;

import org.vigil.support.CpuTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed targets of the issue, measured: extraction pages per second on one core (JMH,
 * {@link ExtractionBenchmark}) and a crawl of a local site of 2,000 articles behind a
 * feed, end to end. Runs only with {@code -Dbench=true} (see README).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(properties = { "vigil.ingest.allow-private-addresses=true", "vigil.ingest.politeness-delay=0s",
		"vigil.ingest.max-items-per-url=2000", "vigil.ingest.article-threads=8", "vigil.ingest.source-deadline=1h" })
class IngestBenchmarkTest {

	@Autowired
	CrawlService crawls;

	@Autowired
	SourceRepository sources;

	@Autowired
	SourceEditor editor;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void extractionReadsAtLeast200TypicalPagesPerSecondOnOneThread() throws Exception {
		var options = new OptionsBuilder().include(ExtractionBenchmark.class.getName())
			.forks(0)
			.threads(1)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(2))
			.build();
		RunResult result = new Runner(options).run().iterator().next();
		double pagesPerSecond = result.getPrimaryResult().getScore();
		System.out.printf("BENCH extraction: %.0f pages/s on one thread%n", pagesPerSecond);
		assertThat(pagesPerSecond).isGreaterThanOrEqualTo(200);
	}

	@Test
	void aCrawlOfTwoThousandArticlesStoresAtLeast100ItemsPerSecond() throws Exception {
		int articles = 2000;
		int warmUpArticles = 300;
		// As FixtureSite does: respond without waiting for an ACK, like real servers.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(8));
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		StringBuilder feed = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bench</title>");
		for (int i = 0; i < articles; i++) {
			feed.append("<item><title>Minister visits troops ")
				.append(i)
				.append("</title><link>")
				.append(base)
				.append("/news/")
				.append(i)
				.append("</link><pubDate>Tue, 07 Jul 2026 10:00:00 GMT</pubDate></item>");
		}
		byte[] feedBytes = feed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
		StringBuilder warmUpFeed = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Warm-up</title>");
		for (int i = 0; i < warmUpArticles; i++) {
			warmUpFeed.append("<item><title>Warm-up ")
				.append(i)
				.append("</title><link>")
				.append(base)
				.append("/news/")
				.append(100_000 + i)
				.append("</link><pubDate>Mon, 06 Jul 2026 10:00:00 GMT</pubDate></item>");
		}
		byte[] warmUpBytes = warmUpFeed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
		server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			byte[] body;
			String type = "text/html; charset=utf-8";
			if (path.equals("/feed.xml") || path.equals("/warm-up.xml")) {
				body = path.equals("/feed.xml") ? feedBytes : warmUpBytes;
				type = "application/rss+xml";
			}
			else if (path.startsWith("/news/")) {
				body = ExtractionBenchmark.typicalPage(Integer.parseInt(path.substring(6)))
					.getBytes(StandardCharsets.UTF_8);
			}
			else {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", type);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		try {
			// A running Vigil has compiled its hot code long before a crawl: the same
			// source crawls other pages first (same source, so that no story links them
			// to the measured ones), so that the measured crawl is not mostly the JIT
			// compiler at work; the cold figure is printed too. The warm-up's items are
			// tagged before the clock starts.
			this.editor
				.put(new SourceDeclaration("bench", "Bench", "feed", true, null, "en", List.of(base + "/warm-up.xml"),
						Selectors.NONE, SourceSettings.of("bench", Map.of("zone", "UTC")), 30, true));
			long warmUpStart = System.nanoTime();
			Crawler.Summary warmUp = this.crawls.crawlAll(List.of(this.sources.findByKey("bench").orElseThrow()))
				.get(0);
			double warmUpSeconds = (System.nanoTime() - warmUpStart) / 1e9;
			System.out.printf("BENCH crawl warm-up (cold JVM): %d items in %.1f s = %.0f items/s%n", warmUp.created(),
					warmUpSeconds, warmUp.created() / warmUpSeconds);
			for (int wait = 0; wait < 600 && tagged() < warmUp.created(); wait++) {
				Thread.sleep(100);
			}
			this.editor
				.put(new SourceDeclaration("bench", "Bench", "feed", true, null, "en", List.of(base + "/feed.xml"),
						Selectors.NONE, SourceSettings.of("bench", Map.of("zone", "UTC")), 30, true));
			Source source = this.sources.findByKey("bench").orElseThrow();
			List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.toList();
			heap.forEach(MemoryPoolMXBean::resetPeakUsage);
			long jvmCpu = CpuTime.jvmNanos();
			long postgresCpu = CpuTime.postgresNanos(this.jdbc);
			long start = System.nanoTime();
			Crawler.Summary summary = this.crawls.crawlAll(List.of(source)).get(0);
			double seconds = (System.nanoTime() - start) / 1e9;
			jvmCpu = CpuTime.jvmNanos() - jvmCpu;
			postgresCpu = CpuTime.postgresNanos(this.jdbc) - postgresCpu;
			// Each pool's own peak, summed: an upper bound of the heap's peak use.
			long peakMb = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
			long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
			System.gc();
			long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
			double itemsPerSecond = summary.created() / seconds;
			System.out.printf(
					"BENCH crawl: %d items in %.1f s = %.0f items/s; peak heap %d MB (max heap %d MB), %d MB after GC; "
							+ "CPU per item: JVM %.1f ms, PostgreSQL %.1f ms; load average %s%n",
					summary.created(), seconds, itemsPerSecond, peakMb, maxMb, heapMb, jvmCpu / 1e6 / summary.created(),
					postgresCpu / 1e6 / summary.created(), loadAverage());
			// Tagging runs behind the crawl on its own thread: let it finish, so that it
			// does not share the cores with whatever runs next (the extraction
			// benchmark).
			long crawlEnd = System.nanoTime();
			for (int wait = 0; wait < 1200 && tagged() < warmUp.created() + summary.created(); wait++) {
				Thread.sleep(100);
			}
			System.out.printf("BENCH crawl: all items tagged %.1f s after the crawl ended%n",
					(System.nanoTime() - crawlEnd) / 1e9);
			assertThat(summary.created()).isEqualTo(articles);
			assertThat(peakMb).isLessThan(512);
			assertThat(itemsPerSecond).isGreaterThanOrEqualTo(100);
		}
		finally {
			server.stop(0);
		}
	}

	private int tagged() {
		return this.jdbc.queryForObject("select count(*) from item_tagging", Integer.class);
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

}
