package org.vigil.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps requests to one host apart: at least {@code vigil.ingest.politeness-delay}
 * between two, or the robots.txt crawl-delay when it asks for more (at most 30 s, so a
 * site cannot park a crawl thread for hours). Threads asking for one host queue; other
 * hosts are not held up.
 */
final class HostPoliteness {

	/** The longest crawl-delay honoured. */
	static final long MAX_CRAWL_DELAY_MILLIS = 30_000;

	private final Duration delay;

	private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();

	private final Map<String, Long> lastRequestAt = new ConcurrentHashMap<>();

	HostPoliteness(Duration delay) {
		this.delay = delay;
	}

	/**
	 * Waits until the host of a URL may be asked again, and counts this request.
	 * @param uri the URL about to be requested
	 * @param crawlDelayMillis the host's robots.txt crawl-delay, 0 when none
	 */
	void await(URI uri, long crawlDelayMillis) {
		String host = uri.getHost() + ":" + uri.getPort();
		long wait = Math.max(this.delay.toMillis(), Math.min(crawlDelayMillis, MAX_CRAWL_DELAY_MILLIS));
		if (wait <= 0) {
			return;
		}
		Object lock = this.hostLocks.computeIfAbsent(host, (key) -> new Object());
		synchronized (lock) {
			long last = this.lastRequestAt.getOrDefault(host, 0L);
			long waitMillis = last + wait - System.currentTimeMillis();
			if (waitMillis > 0) {
				sleep(Duration.ofMillis(waitMillis));
			}
			this.lastRequestAt.put(host, System.currentTimeMillis());
		}
	}

	/**
	 * Sleeps, turning an interrupt into a failed fetch (the interrupt is kept).
	 * @param duration how long
	 */
	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException("interrupted while waiting");
		}
	}

}
