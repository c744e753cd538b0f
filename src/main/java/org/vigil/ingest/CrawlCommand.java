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
		if (this.once) {
			print(this.crawls.crawlAll(chosen));
			return 0;
		}
		while (!Thread.currentThread().isInterrupted()) {
			List<Crawler.Summary> summaries = (this.source != null) ? this.crawls.crawlAll(chosen)
					: this.crawls.crawlDue();
			if (!summaries.isEmpty()) {
				print(summaries);
			}
			Thread.sleep(this.properties.schedulerInterval().toMillis());
		}
		return 0;
	}

	private void print(List<Crawler.Summary> summaries) {
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.json) {
			List<Map<String, Object>> rows = summaries.stream().map(summary -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("id", summary.key());
				row.put("fetched", summary.fetched());
				row.put("new", summary.created());
				row.put("updated", summary.updated());
				row.put("unchanged", summary.unchanged());
				row.put("failed", summary.failed());
				return row;
			}).toList();
			out.println(JsonMapper.builder().build().writeValueAsString(Map.of("sources", rows)));
		}
		else {
			out.printf("%-12s %8s %6s %8s %10s %7s  %s%n", "SOURCE", "FETCHED", "NEW", "UPDATED", "UNCHANGED", "FAILED",
					"PROBLEMS");
			for (Crawler.Summary summary : summaries) {
				out.printf("%-12s %8d %6d %8d %10d %7d  %s%n", summary.key(), summary.fetched(), summary.created(),
						summary.updated(), summary.unchanged(), summary.failed(),
						(summary.error() != null) ? summary.error() : "");
			}
		}
		out.flush();
	}

}
