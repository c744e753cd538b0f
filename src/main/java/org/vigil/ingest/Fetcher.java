package org.vigil.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.vigil.sources.UrlPolicy;

/**
 * Fetches pages politely and defensively: every request (robots.txt and each redirect hop
 * included) through {@link OutboundHttp}, the one guarded door; robots.txt with
 * crawl-delay, a per-host delay, conditional GET, gzip, a size cap and a total deadline
 * per request, a redirect limit, and retries with back-off on 429 and 5xx honouring
 * Retry-After.
 */
@Component
class Fetcher {

	private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

	private final IngestProperties properties;

	private final OutboundHttp http;

	/**
	 * robots.txt is read again after this long, as crawlers commonly do (RFC 9309: 24 h
	 * at most).
	 */
	private static final Duration ROBOTS_VALID = Duration.ofHours(12);

	/** After a robots.txt that could not be read the host is left alone this long. */
	private static final Duration ROBOTS_UNAVAILABLE_RETRY = Duration.ofMinutes(5);

	/** Google reads the first 500 KiB of a robots.txt; so do we. */
	private static final int ROBOTS_MAX_BYTES = 512 * 1024;

	private final Map<String, Robots> robots = new ConcurrentHashMap<>();

	private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();

	private final Map<String, Long> lastRequestAt = new ConcurrentHashMap<>();

	private final String robotName;

	@Autowired
	Fetcher(IngestProperties properties, UrlPolicy policy) {
		this(properties, policy, HostResolver.SYSTEM);
	}

	Fetcher(IngestProperties properties, UrlPolicy policy, HostResolver resolver) {
		this.properties = properties;
		this.http = new OutboundHttp(policy, resolver, properties.connectTimeout(), properties.requestTimeout(),
				properties.fetchDeadline());
		this.robotName = properties.userAgent().split("[/ ]")[0].toLowerCase(Locale.ROOT);
	}

	/** Fetches a URL without conditions. */
	Fetched get(String url) {
		return get(url, null, null);
	}

	/**
	 * Fetches a URL, following redirects; a 304 comes back as a {@link Fetched} with
	 * status 304.
	 */
	Fetched get(String url, String etag, String lastModified) {
		String current = url;
		Set<String> seen = new HashSet<>();
		for (int hop = 0; hop <= this.properties.maxRedirects(); hop++) {
			if (!seen.add(current)) {
				throw new FetchException("redirect loop at " + current + " (from " + url + ")");
			}
			// Refused URLs and addresses fail here with their own reason, before
			// robots.txt
			// is asked; the request itself checks again the address it connects to.
			URI uri = this.http.target(current).uri();
			Robots rules = robots(uri);
			if (rules.unavailable() != null) {
				throw new FetchException("robots.txt of " + uri.getHost() + " could not be read (" + rules.unavailable()
						+ "); RFC 9309 says to fetch nothing from the host until it can, retrying after "
						+ ROBOTS_UNAVAILABLE_RETRY.toMinutes() + " minutes");
			}
			if (!isRobotsFile(uri) && !rules.rules().isAllowed(uri.toString())) {
				throw new FetchException("robots.txt of " + uri.getHost() + " disallows " + current);
			}
			OutboundHttp.Exchange response = sendWithRetries(uri, (hop == 0) ? etag : null,
					(hop == 0) ? lastModified : null);
			int status = response.status();
			if (status >= 300 && status < 400 && status != 304) {
				String location = response.header("Location");
				response.close();
				if (location == null) {
					throw new FetchException("HTTP " + status + " without a Location from " + current, status, null);
				}
				try {
					current = uri.resolve(location.strip().replace(" ", "%20")).toString();
				}
				catch (IllegalArgumentException ex) {
					throw new FetchException("HTTP " + status + " with an invalid Location from " + current, status,
							ex);
				}
				continue;
			}
			return read(current, response);
		}
		throw new FetchException("more than " + this.properties.maxRedirects() + " redirects from " + url);
	}

	private Fetched read(String url, OutboundHttp.Exchange response) {
		int status = response.status();
		String etag = response.header("ETag");
		String lastModified = response.header("Last-Modified");
		if (status == 304) {
			response.close();
			return new Fetched(url, 304, null, null, new byte[0], etag, lastModified);
		}
		if (status >= 400) {
			response.close();
			String meaning = switch (status) {
				case 404 -> " Not Found";
				case 410 -> " Gone";
				case 403 -> " Forbidden";
				case 429 -> " Too Many Requests";
				default -> (status >= 500) ? " server error" : "";
			};
			throw new FetchException("HTTP " + status + meaning + " for " + url, status, null);
		}
		String contentTypeHeader = (response.header("Content-Type") != null) ? response.header("Content-Type") : "";
		String contentType = contentTypeHeader.split(";")[0].strip().toLowerCase(Locale.ROOT);
		String charset = null;
		for (String parameter : contentTypeHeader.split(";")) {
			String[] pair = parameter.strip().split("=", 2);
			if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
				charset = pair[1].replace("\"", "").strip();
			}
		}
		byte[] body = response.readBody(this.properties.maxBodyBytes(), false);
		return new Fetched(url, status, contentType.isEmpty() ? null : contentType, charset, body, etag, lastModified);
	}

	private OutboundHttp.Exchange sendWithRetries(URI uri, String etag, String lastModified) {
		Duration wait = this.properties.retryBackoff();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("User-Agent", this.properties.userAgent());
		headers.put("Accept-Encoding", "gzip");
		headers.put("Accept", "text/html,application/xhtml+xml,application/xml,application/rss+xml,"
				+ "application/atom+xml,application/json;q=0.9,*/*;q=0.8");
		headers.put("If-None-Match", etag);
		headers.put("If-Modified-Since", lastModified);
		for (int attempt = 0;; attempt++) {
			politely(uri);
			OutboundHttp.Exchange response = this.http.get(uri.toString(), headers);
			int status = response.status();
			if ((status == 429 || status >= 500) && attempt < this.properties.retries()) {
				Duration retryAfter = retryAfter(response).orElse(wait);
				if (retryAfter.compareTo(this.properties.maxRetryWait()) > 0) {
					return response;
				}
				response.close();
				log.info("url={} status={} retrying in {} ms", uri, status, retryAfter.toMillis());
				sleep(retryAfter);
				wait = wait.multipliedBy(2);
				continue;
			}
			return response;
		}
	}

	private static java.util.Optional<Duration> retryAfter(OutboundHttp.Exchange response) {
		return java.util.Optional.ofNullable(response.header("Retry-After")).flatMap(value -> {
			try {
				return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
			}
			catch (NumberFormatException ex) {
				return java.util.Optional.empty();
			}
		});
	}

	/** Waits until this host may be asked again. */
	private void politely(URI uri) {
		String host = uri.getHost() + ":" + uri.getPort();
		long delay = this.properties.politenessDelay().toMillis();
		Robots robots = this.robots.get(uri.getScheme() + "://" + uri.getRawAuthority());
		if (robots != null && robots.rules().getCrawlDelay() > 0) {
			delay = Math.max(delay, Math.min(robots.rules().getCrawlDelay(), 30_000));
		}
		if (delay <= 0) {
			return;
		}
		Object lock = this.hostLocks.computeIfAbsent(host, key -> new Object());
		synchronized (lock) {
			long last = this.lastRequestAt.getOrDefault(host, 0L);
			long waitMillis = last + delay - System.currentTimeMillis();
			if (waitMillis > 0) {
				sleep(Duration.ofMillis(waitMillis));
			}
			this.lastRequestAt.put(host, System.currentTimeMillis());
		}
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

	private Robots robots(URI uri) {
		if (isRobotsFile(uri)) {
			return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null, 0);
		}
		// The raw authority of a strictly parsed URL: nothing in it decodes to another
		// host.
		String origin = uri.getScheme() + "://" + uri.getRawAuthority();
		Robots cached = this.robots.get(origin);
		if (cached != null && !cached.expired()) {
			return cached;
		}
		// Read outside the map: the request waits for the host's politeness delay, and
		// compute would hold other origins' lookups that long. Threads that start on a
		// new host together may each read it once.
		Robots loaded = loadRobots(origin);
		this.robots.put(origin, loaded);
		return loaded;
	}

	/**
	 * Reads robots.txt as RFC 9309 says: a 4xx means no rules; a 5xx, a 429 or an
	 * unreachable host means the whole site is off limits for now.
	 */
	private Robots loadRobots(String origin) {
		String url = origin + "/robots.txt";
		long valid = System.nanoTime() + ROBOTS_VALID.toNanos();
		try {
			OutboundHttp.Exchange response = sendWithRetries(this.http.target(url).uri(), null, null);
			int status = response.status();
			if (status == 429 || status >= 500) {
				response.close();
				log.warn("url={} status={} robots.txt unavailable; not fetching from this host for now", url, status);
				return unavailable("HTTP " + status);
			}
			if (status >= 300) {
				response.close();
				return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null, valid);
			}
			// Gzip is read whether the server says so (Content-Encoding) or just serves
			// a compressed file: rules ignored for want of a gunzip would allow all.
			byte[] body = response.readBody(ROBOTS_MAX_BYTES, true);
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
				System.nanoTime() + ROBOTS_UNAVAILABLE_RETRY.toNanos());
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException("interrupted while waiting");
		}
	}

}
