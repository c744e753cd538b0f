package org.vigil.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.stereotype.Service;

import org.vigil.shared.Pools;
import org.vigil.sources.Source;
import org.vigil.sources.SourceRepository;

/**
 * Runs crawls: of the sources that are due (claimed with {@code SKIP LOCKED}, so several
 * Vigil instances on one database never crawl a source twice at once), or of chosen
 * sources now.
 */
@Service
class CrawlService {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CrawlService.class);

	private final Crawler crawler;

	private final SourceRepository sources;

	private final IngestProperties properties;

	private final Clock clock;

	CrawlService(Crawler crawler, SourceRepository sources, IngestProperties properties, Clock clock) {
		this.crawler = crawler;
		this.sources = sources;
		this.properties = properties;
		this.clock = clock;
	}

	/** Crawls the due sources; a claim lasts an hour, longer than any crawl should. */
	List<Crawler.Summary> crawlDue() {
		return crawlAll(this.sources.claimDue(this.clock.instant(), 50, Duration.ofHours(1)));
	}

	List<Crawler.Summary> crawlAll(List<Source> chosen) {
		List<Future<Crawler.Summary>> futures = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, this.properties.threads()));
		try {
			for (Source source : chosen) {
				futures.add(pool.submit(() -> this.crawler.crawl(source)));
			}
		}
		finally {
			Pools.close(pool);
		}
		List<Crawler.Summary> summaries = new ArrayList<>();
		for (int i = 0; i < futures.size(); i++) {
			Future<Crawler.Summary> future = futures.get(i);
			try {
				summaries.add(future.get());
			}
			catch (InterruptedException | ExecutionException ex) {
				Source source = chosen.get(i);
				Throwable failure = (ex instanceof ExecutionException) ? ex.getCause() : ex;
				log.error("source={} crawl failed", source.key(), failure);
				summaries.add(new Crawler.Summary(source.id(), source.key(), 0, 0, 0, 0, 1,
						"crawl failed: " + Listings.firstLine(failure)));
			}
		}
		return summaries;
	}

}
