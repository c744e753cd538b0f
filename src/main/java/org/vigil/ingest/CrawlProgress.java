package org.vigil.ingest;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one running crawl of a source has done so far, and whether it has been called off.
 * The crawl counts into it; its supervisor reads it for the lease's progress note and for
 * the summary of a crawl that overran its deadline.
 */
final class CrawlProgress {

	final AtomicInteger fetched = new AtomicInteger();

	final AtomicInteger created = new AtomicInteger();

	final AtomicInteger updated = new AtomicInteger();

	final AtomicInteger unchanged = new AtomicInteger();

	final AtomicInteger failed = new AtomicInteger();

	private volatile boolean cancelled;

	private volatile boolean ending;

	/**
	 * The crawl lost its claim (deadline, take-over, shutdown): it stores nothing more
	 * and records nothing on the source.
	 */
	void cancel() {
		this.cancelled = true;
	}

	/**
	 * The crawl is recording its own outcome, which ends its claim: a renewal that finds
	 * the claim gone then is no sign of another crawl.
	 */
	void ending() {
		this.ending = true;
	}

	boolean isEnding() {
		return this.ending;
	}

	boolean cancelled() {
		return this.cancelled || Thread.currentThread().isInterrupted();
	}

	Crawler.Summary summary(long sourceId, String key, String error) {
		return new Crawler.Summary(sourceId, key, this.fetched.get(), this.created.get(), this.updated.get(),
				this.unchanged.get(), this.failed.get(), error);
	}

	/**
	 * One line for people: {@code 12 fetched, 3 new, 0 updated, 9 unchanged, 0 failed}.
	 */
	String describe() {
		return this.fetched.get() + " fetched, " + this.created.get() + " new, " + this.updated.get() + " updated, "
				+ this.unchanged.get() + " unchanged, " + this.failed.get() + " failed";
	}

}
