package org.vigil.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Vigil fetches and crawls ({@code vigil.ingest.*}).
 *
 * @param userAgent the honest User-Agent sent with every request
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout time allowed for the response headers
 * @param maxBodyBytes larger bodies are refused
 * @param maxRedirects redirects followed before giving up
 * @param politenessDelay minimum time between two requests to one host (robots.txt
 * crawl-delay may ask for more)
 * @param retries retries after 429 or 5xx
 * @param retryBackoff first wait before a retry (doubles; Retry-After wins when given)
 * @param maxRetryWait longest wait honoured from Retry-After
 * @param allowPrivateAddresses allow loopback and private addresses (tests, intranets)
 * @param maxItemsPerUrl at most this many listed articles are fetched per feed or listing
 * URL per crawl
 * @param maxListingPages listing pages followed through pagination per crawl
 * @param threads sources crawled in parallel
 * @param articleThreads article pages of one source fetched in parallel (politeness still
 * applies per host)
 * @param schedulerInterval how often due sources are looked for
 * @param fetchDeadline total time one request may take, connect, headers and body
 * together: a server that dribbles its body fails with a clear reason instead of holding
 * a crawl thread
 */
@ConfigurationProperties("vigil.ingest")
public record IngestProperties(
		@DefaultValue("Vigil/0.1 (defence statements monitor; +https://github.com/vigil/vigil)") String userAgent,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration requestTimeout,
		@DefaultValue("10485760") long maxBodyBytes, @DefaultValue("5") int maxRedirects,
		@DefaultValue("2s") Duration politenessDelay, @DefaultValue("2") int retries,
		@DefaultValue("2s") Duration retryBackoff, @DefaultValue("60s") Duration maxRetryWait,
		@DefaultValue("false") boolean allowPrivateAddresses, @DefaultValue("100") int maxItemsPerUrl,
		@DefaultValue("3") int maxListingPages, @DefaultValue("2") int threads, @DefaultValue("4") int articleThreads,
		@DefaultValue("1m") Duration schedulerInterval, @DefaultValue("60s") Duration fetchDeadline) {

	@ConstructorBinding
	public IngestProperties {
	}

	/**
	 * The properties as they were before {@code fetchDeadline}, which takes its default.
	 */
	public IngestProperties(String userAgent, Duration connectTimeout, Duration requestTimeout, long maxBodyBytes,
			int maxRedirects, Duration politenessDelay, int retries, Duration retryBackoff, Duration maxRetryWait,
			boolean allowPrivateAddresses, int maxItemsPerUrl, int maxListingPages, int threads, int articleThreads,
			Duration schedulerInterval) {
		this(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, politenessDelay, retries,
				retryBackoff, maxRetryWait, allowPrivateAddresses, maxItemsPerUrl, maxListingPages, threads,
				articleThreads, schedulerInterval, Duration.ofSeconds(60));
	}

}
