package org.vigil.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each site's robots.txt allows, as RFC 9309 reads it: parsed by crawler-commons,
 * kept per origin for 12 hours. A 4xx means no rules; a 5xx, a 429 or a host that cannot
 * be reached means nothing may be fetched from it for 5 minutes.
 */
final class RobotsRules {

	private static final Logger log = LoggerFactory.getLogger(RobotsRules.class);

	/**
	 * robots.txt is read again after this long, as crawlers commonly do (RFC 9309: 24 h
	 * at most).
	 */
	private static final Duration VALID = Duration.ofHours(12);

	/** After a robots.txt that could not be read the host is left alone this long. */
	private static final Duration UNAVAILABLE_RETRY = Duration.ofMinutes(5);

	/** Google reads the first 500 KiB of a robots.txt; so do we. */
	private static final int MAX_BYTES = 512 * 1024;

	private final String robotName;

	private final Function<URI, OutboundResponse> fetch;

	private final Map<String, Robots> byOrigin = new ConcurrentHashMap<>();

	/**
	 * Rules for one robot.
	 * @param robotName the name robots.txt groups are matched against, lower case
	 * @param fetch how a robots.txt is requested (politely, with retries)
	 */
	RobotsRules(String robotName, Function<URI, OutboundResponse> fetch) {
		this.robotName = robotName;
		this.fetch = fetch;
	}

	/**
	 * Refuses a URL its site's robots.txt disallows, or any URL of a site whose
	 * robots.txt could not be read; robots.txt itself is always allowed.
	 * @param uri the strictly parsed URL
	 * @param url the URL as the caller wrote it, for the message
	 * @throws FetchException saying which rule refused it
	 */
	void check(URI uri, String url) {
		if (isRobotsFile(uri)) {
			return;
		}
		Robots rules = robots(uri);
		if (rules.unavailable() != null) {
			throw new FetchException("robots.txt of " + uri.getHost() + " could not be read (" + rules.unavailable()
					+ "); RFC 9309 says to fetch nothing from the host until it can, retrying after "
					+ UNAVAILABLE_RETRY.toMinutes() + " minutes");
		}
		if (!rules.rules().isAllowed(uri.toString())) {
			throw new FetchException("robots.txt of " + uri.getHost() + " disallows " + url);
		}
	}

	/**
	 * The crawl-delay the site asked for, as far as it is known; reads nothing.
	 * @param uri a URL of the site
	 * @return milliseconds, 0 when none
	 */
	long crawlDelayMillis(URI uri) {
		Robots robots = this.byOrigin.get(origin(uri));
		return (robots != null && robots.rules().getCrawlDelay() > 0) ? robots.rules().getCrawlDelay() : 0;
	}

	/**
	 * The rules of a site's robots.txt, or why it could not be read.
	 *
	 * @param unavailable null when the rules hold; else the reason nothing may be fetched
	 */
	private record Robots(BaseRobotRules rules, String unavailable, long expiresAtNanos) {

		boolean expired() {
			return System.nanoTime() - this.expiresAtNanos > 0;
		}

	}

	private static boolean isRobotsFile(URI uri) {
		return "/robots.txt".equals(uri.getPath());
	}

	private static String origin(URI uri) {
		// The raw authority of a strictly parsed URL: nothing in it decodes to another
		// host.
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	private Robots robots(URI uri) {
		String origin = origin(uri);
		Robots cached = this.byOrigin.get(origin);
		if (cached != null && !cached.expired()) {
			return cached;
		}
		// Read outside the map: the request waits for the host's politeness delay, and
		// compute would hold other origins' lookups that long. Threads that start on a
		// new host together may each read it once.
		Robots loaded = load(uri.resolve("/robots.txt"));
		this.byOrigin.put(origin, loaded);
		return loaded;
	}

	private Robots load(URI robotsTxt) {
		String url = robotsTxt.toString();
		long valid = System.nanoTime() + VALID.toNanos();
		try (OutboundResponse response = this.fetch.apply(robotsTxt)) {
			int status = response.status();
			if (status == 429 || status >= 500) {
				log.warn("url={} status={} robots.txt unavailable; not fetching from this host for now", url, status);
				return unavailable("HTTP " + status);
			}
			if (status >= 300) {
				return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null, valid);
			}
			// Gzip is read whether the server says so (Content-Encoding) or just serves
			// a compressed file: rules ignored for want of a gunzip would allow all.
			byte[] body = response.readBody(MAX_BYTES, true);
			return new Robots(
					new SimpleRobotRulesParser().parseContent(url, body, "text/plain", List.of(this.robotName)), null,
					valid);
		}
		catch (RuntimeException ex) {
			log.warn("url={} robots.txt not readable ({}); not fetching from this host for now", url, ex.getMessage());
			return unavailable(ex.getMessage());
		}
	}

	private static Robots unavailable(String reason) {
		return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), reason,
				System.nanoTime() + UNAVAILABLE_RETRY.toNanos());
	}

}
