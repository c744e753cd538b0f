package org.vigil.ingest;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import org.vigil.shared.Pools;
import org.vigil.sources.Source;
import org.vigil.sources.SourceClaim;
import org.vigil.sources.SourceCrawlStore;

/**
 * Runs the crawl of each claimed source on a thread of its own under a deadline of its
 * own, and keeps the claims' leases alive while the crawls run. A crawl that overruns is
 * called off: its threads are interrupted (and abandoned if they do not stop), the source
 * records the failure, and whoever waits for it goes on. What it committed stays (each
 * item commits on its own); it stores nothing more.
 */
@Component
class CrawlRuns implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CrawlRuns.class);

	private final Crawler crawler;

	private final SourceCrawlStore sources;

	private final CrawlProperties properties;

	private final Clock clock;

	/** Which instance holds a claim, as the admin page and the logs show it. */
	private final String owner = ManagementFactory.getRuntimeMXBean().getName();

	/**
	 * A new thread whenever none is idle: a crawl that ignores its interrupt keeps its
	 * thread, never a place that another source waits for.
	 */
	private final ExecutorService workers = Executors.newCachedThreadPool(Pools.daemonThreads("crawl"));

	/**
	 * Deadlines and lease renewals; it never waits on a crawl, so a stuck one cannot hold
	 * them up.
	 */
	private final ScheduledExecutorService supervisor = Executors
		.newSingleThreadScheduledExecutor(Pools.daemonThreads("crawl-supervisor"));

	private final Map<UUID, Run> running = new ConcurrentHashMap<>();

	CrawlRuns(Crawler crawler, SourceCrawlStore sources, CrawlProperties properties, Clock clock) {
		this.crawler = crawler;
		this.sources = sources;
		this.properties = properties;
		this.clock = clock;
		long renewal = properties.claimRenewal().toMillis();
		this.supervisor.scheduleWithFixedDelay(this::renewLeases, renewal, renewal, TimeUnit.MILLISECONDS);
	}

	String owner() {
		return this.owner;
	}

	Duration lease() {
		return this.properties.claimLease();
	}

	/**
	 * Starts crawling the claimed source; the result completes when the crawl ends or at
	 * its deadline, whichever comes first.
	 */
	CompletableFuture<Crawler.Summary> start(SourceClaim claim) {
		Run run = new Run(claim);
		this.running.put(claim.token(), run);
		run.result.whenComplete((summary, ex) -> {
			this.running.remove(claim.token(), run);
			ScheduledFuture<?> deadline = run.deadline;
			if (deadline != null) {
				deadline.cancel(false);
			}
		});
		run.deadline = this.supervisor.schedule(() -> overran(run), this.properties.sourceDeadline().toNanos(),
				TimeUnit.NANOSECONDS);
		run.work = this.workers.submit(() -> execute(run));
		return run.result;
	}

	private void execute(Run run) {
		Source source = run.claim.source();
		try {
			run.result.complete(this.crawler.crawl(run.claim, run.progress));
		}
		catch (RuntimeException | Error ex) {
			// The crawl records its own outcome; this is what it could not (the database
			// gone). Whoever waits for it must not wait forever.
			String error = "crawl failed: " + Listings.firstLine(ex);
			log.error("source={} crawl failed", source.key(), ex);
			if (!run.progress.cancelled()) {
				record(run, error);
			}
			run.result.complete(failed(run, error));
			if (ex instanceof Error) {
				throw ex;
			}
		}
	}

	/**
	 * The deadline passed: calls the crawl off and records it as failed, so that the
	 * source is not claimed again before its back-off and the others go on.
	 */
	private void overran(Run run) {
		if (run.result.isDone() || run.progress.isEnding()) {
			// Ending means the crawl is writing its own outcome, one statement away.
			return;
		}
		Source source = run.claim.source();
		String error = "crawl not complete after " + human(this.properties.sourceDeadline()) + "; called off (so far: "
				+ run.progress.describe() + ")";
		callOff(run);
		log.warn("source={} crawl not complete after {}: called off, threads interrupted; {}", source.key(),
				human(this.properties.sourceDeadline()), run.progress.describe());
		record(run, error);
		run.result.complete(failed(run, error));
	}

	private void record(Run run, String error) {
		try {
			this.sources.recordFailure(run.claim.token(), this.clock.instant(), error);
		}
		catch (RuntimeException ex) {
			// The lease runs out on its own; the source is then claimed again.
			log.error("source={} could not record the failure: {}", run.claim.source().key(), error, ex);
		}
	}

	private void renewLeases() {
		for (Run run : List.copyOf(this.running.values())) {
			if (run.result.isDone() || run.progress.isEnding()) {
				continue;
			}
			Source source = run.claim.source();
			try {
				if (!this.sources.renew(run.claim.token(), this.clock.instant(), this.properties.claimLease(),
						run.progress.describe()) && !run.progress.isEnding()) {
					// Taken over by an operator's crawl, or the lease ran out and another
					// instance holds it: two crawls of one source must not run.
					callOff(run);
					log.warn("source={} claim lost (taken over or lease expired): crawl called off", source.key());
					run.result.complete(failed(run, "claim lost: another crawl holds the source"));
				}
			}
			catch (RuntimeException ex) {
				log.warn("source={} lease not renewed: {}", source.key(), ex.getMessage());
			}
		}
	}

	private static void callOff(Run run) {
		run.progress.cancel();
		Future<?> work = run.work;
		if (work != null) {
			work.cancel(true);
		}
	}

	private static Crawler.Summary failed(Run run, String error) {
		Crawler.Summary so = run.progress.summary(run.claim.source().id(), run.claim.source().key(), error);
		return new Crawler.Summary(so.sourceId(), so.key(), so.fetched(), so.created(), so.updated(), so.unchanged(),
				so.failed() + 1, error);
	}

	/** {@code 5 min}, {@code 90 s}, {@code 1500 ms}. */
	static String human(Duration duration) {
		if (duration.toSeconds() >= 60 && duration.toSeconds() % 60 == 0 && duration.toMillisPart() == 0) {
			return duration.toMinutes() + " min";
		}
		if (duration.toMillisPart() == 0) {
			return duration.toSeconds() + " s";
		}
		return duration.toMillis() + " ms";
	}

	/**
	 * Stopping: running crawls are called off and their sources let go at once, still
	 * due, for another instance (or the next start) to crawl.
	 */
	@Override
	public void destroy() {
		this.supervisor.shutdownNow();
		for (Run run : List.copyOf(this.running.values())) {
			callOff(run);
			try {
				this.sources.release(run.claim.token());
			}
			catch (RuntimeException ex) {
				log.warn("source={} not released: {}", run.claim.source().key(), ex.getMessage());
			}
			run.result.complete(failed(run, "Vigil stopped during the crawl"));
		}
		this.workers.shutdownNow();
	}

	/** One crawl of one claimed source. */
	private static final class Run {

		final SourceClaim claim;

		final CrawlProgress progress = new CrawlProgress();

		final CompletableFuture<Crawler.Summary> result = new CompletableFuture<>();

		volatile Future<?> work;

		volatile ScheduledFuture<?> deadline;

		Run(SourceClaim claim) {
			this.claim = claim;
		}

	}

}
