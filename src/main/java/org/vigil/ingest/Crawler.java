package org.vigil.ingest;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.shared.Pools;

import org.springframework.stereotype.Component;

import org.vigil.items.ItemDraft;
import org.vigil.items.ItemStore;
import org.vigil.sources.Source;
import org.vigil.sources.SourceClaim;
import org.vigil.sources.SourceCrawlStore;

/**
 * Crawls one source, top to bottom: fetch each listing (conditional GET), read its
 * candidates, fetch and extract each article, store it, and record on the source how it
 * went. Each item commits on its own, so an interrupted crawl loses nothing stored and
 * the next one stores no duplicates; listing validators are saved only after their
 * articles.
 */
@Component
class Crawler {

	private static final Logger log = LoggerFactory.getLogger(Crawler.class);

	/**
	 * What one crawl of a source did.
	 *
	 * @param sourceId the source id
	 * @param key the source key
	 * @param fetched responses received (listings and articles, 304s included)
	 * @param created new items
	 * @param updated items whose content changed
	 * @param unchanged items seen again without change
	 * @param failed listings or articles that could not be read
	 * @param error what went wrong, or null
	 */
	record Summary(long sourceId, String key, int fetched, int created, int updated, int unchanged, int failed,
			String error) {

	}

	private final Fetcher fetcher;

	private final FetchStates fetchStates;

	private final Ingestor ingestor;

	private final SourceCrawlStore sources;

	private final IngestProperties properties;

	private final Clock clock;

	Crawler(Fetcher fetcher, FetchStates fetchStates, Ingestor ingestor, SourceCrawlStore sources,
			IngestProperties properties, Clock clock) {
		this.fetcher = fetcher;
		this.fetchStates = fetchStates;
		this.ingestor = ingestor;
		this.sources = sources;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Crawls the claimed source, counting into {@code progress}, and records the outcome
	 * on the source under the claim. A crawl called off (its deadline passed, its claim
	 * was lost) stops storing and records nothing: whoever called it off records why.
	 */
	Summary crawl(SourceClaim claim, CrawlProgress progress) {
		Source source = claim.source();
		StringBuilder problems = new StringBuilder();
		int listingsRead = 0;
		int listingsFailed = 0;
		try {
			for (String listingUrl : source.urls()) {
				String pageUrl = listingUrl;
				for (int page = 0; pageUrl != null && page < this.properties.maxListingPages()
						&& !progress.cancelled(); page++) {
					try {
						pageUrl = crawlListing(source, pageUrl, progress, problems);
						listingsRead++;
					}
					catch (FetchException ex) {
						listingsFailed++;
						progress.failed.incrementAndGet();
						Ingestor.note(problems, ex.getMessage());
						log.warn("source={} url={} listing failed: {}", source.key(), pageUrl, ex.getMessage());
						pageUrl = null;
					}
				}
			}
		}
		catch (RuntimeException ex) {
			log.error("source={} crawl failed", source.key(), ex);
			Ingestor.note(problems, "crawl failed: " + Listings.firstLine(ex));
			listingsFailed++;
			listingsRead = 0;
		}
		String error = problems.isEmpty() ? null : problems.toString();
		if (progress.cancelled()) {
			log.info("source={} crawl called off after {}", source.key(), progress.describe());
			return progress.summary(source.id(), source.key(), error);
		}
		progress.ending();
		if (listingsRead == 0 && listingsFailed > 0) {
			this.sources.recordFailure(claim.token(), this.clock.instant(), error);
		}
		else {
			// The source works; what did not is still worth seeing on the admin page.
			this.sources.recordSuccess(claim.token(), this.clock.instant(), progress.describe(), error);
		}
		log.info("source={} fetched={} new={} updated={} unchanged={} failed={}", source.key(), progress.fetched.get(),
				progress.created.get(), progress.updated.get(), progress.unchanged.get(), progress.failed.get());
		return progress.summary(source.id(), source.key(), error);
	}

	/** Reads one listing page and its articles; returns the next listing page or null. */
	private String crawlListing(Source source, String listingUrl, CrawlProgress counters, StringBuilder problems) {
		FetchStates.State state = this.fetchStates.get(listingUrl);
		Fetched listing = this.fetcher.get(listingUrl, state.etag(), state.lastModified());
		counters.fetched.incrementAndGet();
		if (listing.notModified()) {
			return null;
		}
		Listings.Page page = Listings.read(source, listingUrl, listing);
		Map<String, Candidate> unique = new LinkedHashMap<>();
		for (Candidate candidate : page.candidates()) {
			// Feeds repeat entries and change ids; the canonical key decides.
			unique.putIfAbsent(this.ingestor.keyOf(candidate.url(), null), candidate);
			if (unique.size() >= this.properties.maxItemsPerUrl()) {
				break;
			}
		}
		// Daemon threads: a fetch that ignores a called-off crawl's interrupt must not
		// keep the JVM alive.
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, this.properties.articleThreads()),
				Pools.daemonThreads("crawl-" + source.key()));
		try {
			for (Candidate candidate : unique.values()) {
				pool.execute(() -> crawlArticle(source, candidate, counters, problems));
			}
		}
		finally {
			Pools.close(pool);
		}
		if (counters.cancelled()) {
			// Articles were left unread: saved validators would hide them next time.
			return null;
		}
		this.fetchStates.put(listingUrl, source.id(), listing, this.clock.instant());
		return page.nextUrl();
	}

	private void crawlArticle(Source source, Candidate candidate, CrawlProgress counters, StringBuilder problems) {
		String url = candidate.fetchUrl();
		if (counters.cancelled()) {
			return;
		}
		try {
			FetchStates.State state = this.fetchStates.get(url);
			Fetched fetched = this.fetcher.get(url, state.etag(), state.lastModified());
			counters.fetched.incrementAndGet();
			if (fetched.notModified()) {
				counters.unchanged.incrementAndGet();
				return;
			}
			if (counters.cancelled()) {
				return;
			}
			ItemDraft.RawCapture capture = new ItemDraft.RawCapture(fetched.url(), this.clock.instant(),
					fetched.status(), fetched.contentType(), fetched.charset(), fetched.body(), candidate.extraJson());
			ItemStore.Stored stored;
			if (source.settings().contentApi() != null) {
				GovUkContent.Item item = GovUkContent.read(fetched.body(), candidate.url());
				Extraction extraction = item.extraction();
				if (extraction.published() == null && candidate.hints().published() != null) {
					extraction = new Extraction(extraction.title(), extraction.canonicalUrl(),
							candidate.hints().published(), extraction.language(), extraction.type(),
							extraction.author(), extraction.bodyHtml(), extraction.bodyText(), extraction.partial());
				}
				stored = this.ingestor.store(source, item.pageUrl(), extraction, item.key(), capture, problems,
						item.withdrawnAt(), item.withdrawnNote());
			}
			else {
				Ingestor.requirePage(fetched);
				Extraction extraction = this.ingestor.extract(source, fetched.url(), fetched.body(), fetched.charset(),
						candidate.hints());
				stored = this.ingestor.store(source, candidate.url(), extraction, null, capture, problems);
			}
			count(counters, stored);
			this.fetchStates.put(url, source.id(), fetched, this.clock.instant());
		}
		catch (FetchException ex) {
			if (counters.cancelled()) {
				return;
			}
			if (source.settings().pageOptional() && candidate.hints().summary() != null
					&& candidate.hints().title() != null) {
				// The page is out of reach (some sites answer 403 to many clients):
				// keep the feed's record, marked partial.
				Hints hints = candidate.hints();
				String text = hints.summary();
				Extraction extraction = new Extraction(hints.title(), null, hints.published(),
						Languages.guess(text, source.language()),
						ItemTypes.detect(candidate.url(), hints.title(), text, hints.type()), hints.author(),
						"<p>" + org.jsoup.nodes.Entities.escape(text) + "</p>", text, true);
				count(counters, this.ingestor.store(source, candidate.url(), extraction, null, null, problems));
				Ingestor.note(problems, "feed record kept: " + ex.getMessage());
				return;
			}
			counters.failed.incrementAndGet();
			Ingestor.note(problems, ex.getMessage());
			log.warn("source={} url={} article failed: {}", source.key(), url, ex.getMessage());
		}
		catch (RuntimeException ex) {
			counters.failed.incrementAndGet();
			Ingestor.note(problems, "could not process " + url + ": " + Listings.firstLine(ex));
			log.warn("source={} url={} article failed", source.key(), url, ex);
		}
	}

	private static void count(CrawlProgress counters, ItemStore.Stored stored) {
		switch (stored.outcome()) {
			case NEW -> counters.created.incrementAndGet();
			case UPDATED -> counters.updated.incrementAndGet();
			case UNCHANGED -> counters.unchanged.incrementAndGet();
		}
	}

}
