package org.vigil.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import org.vigil.shared.Pools;
import org.vigil.sources.Source;
import org.vigil.sources.SourceClaim;
import org.vigil.sources.SourceCrawlStore;

/**
 * Runs crawls: of the sources that are due (claimed with {@code SKIP LOCKED} and a short
 * renewed lease, so several Vigil instances on one database never crawl a source twice at
 * once, and a source whose instance died is crawled again within minutes), or of chosen
 * sources now. Each source's crawl runs under its own deadline ({@link CrawlRuns}), so a
 * round never waits on a stuck source longer than that.
 */
@Service
class CrawlService implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CrawlService.class);

	/** Sources claimed by one call of {@link #crawlDue()}. */
	private static final int ROUND_LIMIT = 50;

	private final CrawlRuns runs;

	private final SourceCrawlStore sources;

	private final Clock clock;

	private final int threads;

	/** Background crawls (the scheduler's) that may run at once. */
	private final Semaphore backgroundSlots;

	/**
	 * Claims more due sources when a background crawl ends, without waiting for a tick.
	 */
	private final ExecutorService refill = Executors.newSingleThreadExecutor(Pools.daemonThreads("crawl-refill"));

	CrawlService(CrawlRuns runs, SourceCrawlStore sources, IngestProperties properties, Clock clock) {
		this.runs = runs;
		this.sources = sources;
		this.clock = clock;
		this.threads = Math.max(1, properties.threads());
		this.backgroundSlots = new Semaphore(this.threads);
	}

	/**
	 * Crawls the due sources, {@code threads} at a time, claiming each as a crawl slot
	 * frees; returns when each has ended or overrun its deadline.
	 */
	List<Crawler.Summary> crawlDue() {
		Semaphore slots = new Semaphore(this.threads);
		List<CompletableFuture<Crawler.Summary>> results = new ArrayList<>();
		for (int i = 0; i < ROUND_LIMIT && acquire(slots); i++) {
			List<SourceClaim> claims = this.sources.claimDue(this.clock.instant(), 1, this.runs.lease(),
					this.runs.owner());
			if (claims.isEmpty()) {
				break;
			}
			results.add(this.runs.start(claims.get(0)).whenComplete((summary, ex) -> slots.release()));
		}
		return join(results);
	}

	/**
	 * Crawls the chosen sources now, due or not, {@code threads} at a time; returns when
	 * each has ended or overrun its deadline. An operator named them, so a source another
	 * crawl holds is taken over (that crawl can no longer write to it).
	 */
	List<Crawler.Summary> crawlAll(List<Source> chosen) {
		Semaphore slots = new Semaphore(this.threads);
		List<CompletableFuture<Crawler.Summary>> results = new ArrayList<>();
		for (Source source : chosen) {
			if (!acquire(slots)) {
				break;
			}
			Optional<SourceClaim> claim = this.sources.takeOver(source.id(), this.clock.instant(), this.runs.lease(),
					this.runs.owner());
			if (claim.isEmpty()) {
				slots.release();
				results.add(CompletableFuture.completedFuture(new Crawler.Summary(source.id(), source.key(), 0, 0, 0, 0,
						1, "source " + source.key() + " no longer exists")));
				continue;
			}
			results.add(this.runs.start(claim.get()).whenComplete((summary, ex) -> slots.release()));
		}
		return join(results);
	}

	/**
	 * For the scheduler: claims as many due sources as there are free background slots
	 * and starts them, then returns at once. A stuck crawl holds its slot until its
	 * deadline, never the scheduler's next tick; a slot freed starts the next due source.
	 * @return the number of crawls started
	 */
	int startDue() {
		int started = 0;
		while (this.backgroundSlots.tryAcquire()) {
			List<SourceClaim> claims;
			try {
				claims = this.sources.claimDue(this.clock.instant(), 1, this.runs.lease(), this.runs.owner());
			}
			catch (RuntimeException ex) {
				this.backgroundSlots.release();
				throw ex;
			}
			if (claims.isEmpty()) {
				this.backgroundSlots.release();
				break;
			}
			this.runs.start(claims.get(0)).whenComplete((summary, ex) -> {
				this.backgroundSlots.release();
				this.refill.execute(this::startDueQuietly);
			});
			started++;
		}
		return started;
	}

	/**
	 * Starts a crawl of the source in the background (the admin page's "Fetch now"); its
	 * outcome lands on the source. Empty when a crawl holds the source already.
	 */
	Optional<SourceClaim> startNow(long sourceId) {
		Optional<SourceClaim> claim = this.sources.claim(sourceId, this.clock.instant(), this.runs.lease(),
				this.runs.owner());
		claim.ifPresent(this.runs::start);
		return claim;
	}

	private void startDueQuietly() {
		try {
			startDue();
		}
		catch (RuntimeException ex) {
			log.error("claiming due sources failed", ex);
		}
	}

	private static boolean acquire(Semaphore slots) {
		try {
			slots.acquire();
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Each result completes by its crawl's deadline at the latest. */
	private static List<Crawler.Summary> join(List<CompletableFuture<Crawler.Summary>> results) {
		return results.stream().map(CompletableFuture::join).toList();
	}

	@Override
	public void destroy() {
		this.refill.shutdownNow();
	}

}
