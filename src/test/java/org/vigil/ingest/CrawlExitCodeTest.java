package org.vigil.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import org.vigil.support.CommandRun;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code crawl --once} tells the truth in its exit code and prints each error once, with
 * its root cause.
 */
class CrawlExitCodeTest {

	@Test
	void aSourceThatFailsMakesCrawlOnceExitWithOneAndItsCauseIsPrintedOnce() throws IOException {
		String url = TestPostgres.newDatabase();
		Map<String, String> properties = CrawlTest.properties(url);
		assertThat(CommandRun.of(properties, "db-info").exitCode()).isZero();
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		JdbcTemplate jdbc = IngestCommandsTest.jdbc(url);
		jdbc.update("update source set enabled = false");
		jdbc.update("update source set enabled = true, urls = ? where key = 'nato'", (Object) new String[] {
				"http://127.0.0.1:" + closed + "/news.json", "http://127.0.0.1:" + closed + "/transcripts.json" });

		CommandRun run = CommandRun.of(properties, "crawl", "--once");
		assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
		String printed = run.out() + run.err();
		assertThat(printed).containsIgnoringCase("connection refused");
		assertThat(occurrences(printed.toLowerCase(), "connection refused")).as(printed).isEqualTo(1);
		assertThat(run.err()).contains("nato");

		CommandRun json = CommandRun.of(properties, "crawl", "--once", "--json");
		assertThat(json.exitCode()).isEqualTo(1);
		assertThat(CrawlTest.JSON.readTree(json.out()).get("sources").get(0).get("failed").asInt()).isEqualTo(2);
	}

	@Test
	void usageErrorsExitWithTwo() {
		String url = TestPostgres.newDatabase();
		Map<String, String> properties = CrawlTest.properties(url);
		CommandRun unknown = CommandRun.of(properties, "crawl", "--once", "--source", "no-such-source");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("no source 'no-such-source'");
		CommandRun badOption = CommandRun.of(properties, "crawl", "--twice");
		assertThat(badOption.exitCode()).isEqualTo(2);
		assertThat(badOption.err().lines()).hasSize(1);
	}

	@Test
	void sourcesWithNothingToCrawlAreSkippedCleanly() {
		String url = TestPostgres.newDatabase();
		Map<String, String> properties = CrawlTest.properties(url);
		CommandRun manual = CommandRun.of(properties, "crawl", "--once", "--source", "manual");
		assertThat(manual.exitCode()).as(manual.err()).isZero();
		assertThat(manual.out()).contains("manual").contains("skipped");
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}
