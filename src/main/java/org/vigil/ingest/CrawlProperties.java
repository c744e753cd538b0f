package org.vigil.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long one source's crawl may run and how a crawl holds its source
 * ({@code vigil.ingest.*}, beside {@link IngestProperties}).
 *
 * @param sourceDeadline one source's crawl is given up after this long and recorded as
 * failed, so that one server that never finishes cannot stall the others
 * @param claimLease a crawl holds its source this long unless renewed; a source claimed
 * by an instance that died is crawled again after it
 * @param claimRenewal how often a running crawl renews its lease (well under the lease)
 */
@ConfigurationProperties("vigil.ingest")
record CrawlProperties(@DefaultValue("5m") Duration sourceDeadline, @DefaultValue("2m") Duration claimLease,
		@DefaultValue("30s") Duration claimRenewal) {

	CrawlProperties {
		if (sourceDeadline.isNegative() || sourceDeadline.isZero()) {
			throw new IllegalArgumentException("vigil.ingest.source-deadline must be positive, not " + sourceDeadline);
		}
		if (claimRenewal.isNegative() || claimRenewal.isZero() || claimRenewal.compareTo(claimLease) >= 0) {
			throw new IllegalArgumentException("vigil.ingest.claim-renewal (" + claimRenewal
					+ ") must be positive and shorter than vigil.ingest.claim-lease (" + claimLease + ")");
		}
	}

}
