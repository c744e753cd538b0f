package org.vigil.sources;

import java.time.Instant;

/**
 * How a source's crawling stands, for the admin page: the crawl holding it, if any, and
 * how the last one ended.
 *
 * @param owner the instance holding the source, or null
 * @param startedAt when the current or last crawl started, or null
 * @param leaseUntil the holder's lease, or null when no crawl holds the source
 * @param progress what the running crawl has done so far, or null
 * @param lastOutcome the last finished crawl's summary or failure, or null
 */
public record CrawlState(String owner, Instant startedAt, Instant leaseUntil, String progress, String lastOutcome) {

	public static final CrawlState NONE = new CrawlState(null, null, null, null, null);

	/** Held by a crawl whose instance still renews its lease. */
	public boolean running(Instant now) {
		return this.leaseUntil != null && this.leaseUntil.isAfter(now);
	}

	/** Held by a crawl whose instance stopped renewing: it will be claimed again. */
	public boolean abandoned(Instant now) {
		return this.leaseUntil != null && !this.leaseUntil.isAfter(now);
	}

}
