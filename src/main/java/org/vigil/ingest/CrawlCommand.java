package org.vigil.ingest;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import org.vigil.sources.Source;
import org.vigil.sources.SourceRepository;

/** {@code crawl}: runs the scrapers and prints what each source gave. */
@Component
@Command(name = "crawl", mixinStandardHelpOptions = true,
		description = "Crawl sources and print a per-source summary (fetched, new, updated, unchanged, failed).")
class CrawlCommand implements Callable<Integer> {

	private final CrawlService crawls;

	private final SourceRepository sources;

	private final IngestProperties properties;

	@Spec
	CommandSpec spec;

	@Option(names = "--source", paramLabel = "ID", description = "Only this source (key or numeric id).")
	String source;

	@Option(names = "--once", defaultValue = "false",
			description = "Crawl every enabled source (or --source) once now and exit; without it, keep crawling due sources.")
	boolean once;

	@Option(names = "--json", defaultValue = "false",
			description = "Print {\"sources\":[{\"id\",\"fetched\",\"new\",\"updated\",\"unchanged\",\"failed\"}]}.")
	boolean json;

	CrawlCommand(CrawlService crawls, SourceRepository sources, IngestProperties properties) {
		this.crawls = crawls;
		this.sources = sources;
		this.properties = properties;
	}

	@Override
	public Integer call() throws InterruptedException {
		List<Source> chosen;
		if (this.source != null) {
			Source found = this.sources.findByKeyOrId(this.source)
				.orElseThrow(() -> new CommandLine.ParameterException(this.spec.commandLine(),
						"no source '" + this.source + "' (see 'vigil source list')"));
			chosen = List.of(found);
		}
		else {
			chosen = this.sources.findAll().stream().filter(Source::enabled).toList();
		}
		List<Source> skipped = chosen.stream().filter((source) -> !crawlable(source)).toList();
		List<Source> crawled = chosen.stream().filter(CrawlCommand::crawlable).toList();
		if (this.once) {
			return print(this.crawls.crawlAll(crawled), skipped);
		}
		while (!Thread.currentThread().isInterrupted()) {
			List<Crawler.Summary> summaries = (this.source != null) ? this.crawls.crawlAll(crawled)
					: this.crawls.crawlDue();
			if (!summaries.isEmpty()) {
				print(summaries, List.of());
			}
			Thread.sleep(this.properties.schedulerInterval().toMillis());
		}
		return 0;
	}

	/**
	 * Imported files and demo data have nothing to fetch: they are listed as skipped, not
	 * crawled.
	 */
	static boolean crawlable(Source source) {
		return !source.kind().equals("manual") && !source.kind().equals("synthetic");
	}

	/**
	 * Prints the summaries, and each failed source's error once on standard error;
	 * returns 1 when a source failed, else 0.
	 */
	private int print(List<Crawler.Summary> summaries, List<Source> skipped) {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		Map<String, Boolean> failedSources = new LinkedHashMap<>();
		for (Crawler.Summary summary : summaries) {
			failedSources.put(summary.key(), failed(summary));
		}
		if (this.json) {
			List<Map<String, Object>> rows = new java.util.ArrayList<>();
			for (Crawler.Summary summary : summaries) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("id", summary.key());
				row.put("fetched", summary.fetched());
				row.put("new", summary.created());
				row.put("updated", summary.updated());
				row.put("unchanged", summary.unchanged());
				row.put("failed", summary.failed());
				row.put("error", summary.error());
				rows.add(row);
			}
			for (Source source : skipped) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("id", source.key());
				row.put("skipped", "nothing to crawl (" + source.kind() + ")");
				rows.add(row);
			}
			out.println(JsonMapper.builder().build().writeValueAsString(Map.of("sources", rows)));
		}
		else {
			out.printf("%-12s %8s %6s %8s %10s %7s  %s%n", "SOURCE", "FETCHED", "NEW", "UPDATED", "UNCHANGED", "FAILED",
					"PROBLEMS");
			for (Crawler.Summary summary : summaries) {
				// A failed source's error goes to standard error, once.
				String problems = failedSources.get(summary.key()) ? "source failed (error below)"
						: (summary.error() != null) ? summary.error() : "";
				out.printf("%-12s %8d %6d %8d %10d %7d  %s%n", summary.key(), summary.fetched(), summary.created(),
						summary.updated(), summary.unchanged(), summary.failed(), problems);
			}
			for (Source source : skipped) {
				out.printf("%-12s %8s %6s %8s %10s %7s  %s%n", source.key(), "-", "-", "-", "-", "-",
						"skipped: nothing to crawl (" + source.kind() + ")");
			}
		}
		out.flush();
		long failures = failedSources.values().stream().filter(Boolean::booleanValue).count();
		if (failures == 0) {
			return 0;
		}
		for (Crawler.Summary summary : summaries) {
			if (failedSources.get(summary.key()) && !this.json) {
				err.println("crawl: " + summary.key() + " failed: " + summary.error());
			}
		}
		err.println("crawl: " + failures + " of " + summaries.size() + " source(s) failed");
		err.flush();
		return 1;
	}

	/**
	 * Whether nothing could be read from the source: the crawl counted a failure on it
	 * (success resets the counter), or it failed before any response.
	 */
	private boolean failed(Crawler.Summary summary) {
		if (summary.fetched() == 0 && summary.failed() > 0) {
			return true;
		}
		return this.sources.findById(summary.sourceId())
			.map((source) -> source.consecutiveFailures() > 0)
			.orElse(false);
	}

}
