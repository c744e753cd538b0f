package org.vigil.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import org.vigil.sources.UrlPolicy;

/**
 * Fetches pages politely and defensively: the URL policy on every hop, robots.txt with
 * crawl-delay, a per-host delay, conditional GET, gzip, a size cap, a redirect limit, and
 * retries with back-off on 429 and 5xx honouring Retry-After.
 */
@Component
class Fetcher {

	private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

	private final IngestProperties properties;

	private final UrlPolicy policy;

	private final HttpClient client;

	/**
	 * robots.txt is read again after this long, as crawlers commonly do (RFC 9309: 24 h
	 * at most).
	 */
	private static final Duration ROBOTS_VALID = Duration.ofHours(12);

	/** After a robots.txt that could not be read the host is left alone this long. */
	private static final Duration ROBOTS_UNAVAILABLE_RETRY = Duration.ofMinutes(5);

	private final Map<String, Robots> robots = new ConcurrentHashMap<>();

	private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();

	private final Map<String, Long> lastRequestAt = new ConcurrentHashMap<>();

	private final String robotName;

	Fetcher(IngestProperties properties, UrlPolicy policy) {
		this.properties = properties;
		this.policy = policy;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
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
			URI uri;
			try {
				uri = this.policy.check(current);
			}
			catch (IllegalArgumentException ex) {
				throw new FetchException(ex.getMessage());
			}
			Robots rules = robots(uri);
			if (rules.unavailable() != null) {
				throw new FetchException("robots.txt of " + uri.getHost() + " could not be read (" + rules.unavailable()
						+ "); RFC 9309 says to fetch nothing from the host until it can, retrying after "
						+ ROBOTS_UNAVAILABLE_RETRY.toMinutes() + " minutes");
			}
			if (!isRobotsFile(uri) && !rules.rules().isAllowed(uri.toString())) {
				throw new FetchException("robots.txt of " + uri.getHost() + " disallows " + current);
			}
			HttpResponse<InputStream> response = sendWithRetries(uri, (hop == 0) ? etag : null,
					(hop == 0) ? lastModified : null);
			int status = response.statusCode();
			if (status >= 300 && status < 400 && status != 304) {
				String location = response.headers().firstValue("Location").orElse(null);
				closeQuietly(response);
				if (location == null) {
					throw new FetchException("HTTP " + status + " without a Location from " + current, status, null);
				}
				current = uri.resolve(location.strip().replace(" ", "%20")).toString();
				continue;
			}
			return read(current, response);
		}
		throw new FetchException("more than " + this.properties.maxRedirects() + " redirects from " + url);
	}

	private Fetched read(String url, HttpResponse<InputStream> response) {
		int status = response.statusCode();
		String etag = response.headers().firstValue("ETag").orElse(null);
		String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
		if (status == 304) {
			closeQuietly(response);
			return new Fetched(url, 304, null, null, new byte[0], etag, lastModified);
		}
		if (status >= 400) {
			closeQuietly(response);
			String meaning = switch (status) {
				case 404 -> " Not Found";
				case 410 -> " Gone";
				case 403 -> " Forbidden";
				case 429 -> " Too Many Requests";
				default -> (status >= 500) ? " server error" : "";
			};
			throw new FetchException("HTTP " + status + meaning + " for " + url, status, null);
		}
		String contentTypeHeader = response.headers().firstValue("Content-Type").orElse("");
		String contentType = contentTypeHeader.split(";")[0].strip().toLowerCase(Locale.ROOT);
		String charset = null;
		for (String parameter : contentTypeHeader.split(";")) {
			String[] pair = parameter.strip().split("=", 2);
			if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
				charset = pair[1].replace("\"", "").strip();
			}
		}
		boolean gzip = response.headers()
			.firstValue("Content-Encoding")
			.map(encoding -> encoding.toLowerCase(Locale.ROOT).contains("gzip"))
			.orElse(false);
		long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
		if (declared > this.properties.maxBodyBytes()) {
			closeQuietly(response);
			throw new FetchException("body of " + declared + " bytes is over the limit of "
					+ this.properties.maxBodyBytes() + " for " + url, status, null);
		}
		try (InputStream raw = response.body(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
			byte[] body = readCapped(in, this.properties.maxBodyBytes(), url);
			return new Fetched(url, status, contentType.isEmpty() ? null : contentType, charset, body, etag,
					lastModified);
		}
		catch (IOException ex) {
			throw new FetchException("reading the body of " + url + " failed: " + describe(ex), status, ex);
		}
	}

	private static byte[] readCapped(InputStream in, long max, String url) throws IOException {
		var out = new ByteArrayOutputStream(8192);
		byte[] buffer = new byte[16384];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) != -1) {
			total += n;
			if (total > max) {
				throw new FetchException("body is over the limit of " + max + " bytes for " + url);
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private HttpResponse<InputStream> sendWithRetries(URI uri, String etag, String lastModified) {
		Duration wait = this.properties.retryBackoff();
		for (int attempt = 0;; attempt++) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri)
				.timeout(this.properties.requestTimeout())
				.header("User-Agent", this.properties.userAgent())
				.header("Accept-Encoding", "gzip")
				.header("Accept",
						"text/html,application/xhtml+xml,application/xml,application/rss+xml,"
								+ "application/atom+xml,application/json;q=0.9,*/*;q=0.8")
				.GET();
			if (etag != null) {
				request.header("If-None-Match", etag);
			}
			if (lastModified != null) {
				request.header("If-Modified-Since", lastModified);
			}
			politely(uri);
			HttpResponse<InputStream> response;
			try {
				response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			}
			catch (HttpConnectTimeoutException ex) {
				throw new FetchException("connecting to " + uri.getHost() + " timed out after "
						+ this.properties.connectTimeout().toSeconds() + "s", 0, ex);
			}
			catch (HttpTimeoutException ex) {
				throw new FetchException("no response from " + uri + " within "
						+ this.properties.requestTimeout().toMillis() + " ms (timeout)", 0, ex);
			}
			catch (IOException ex) {
				throw new FetchException("fetching " + uri + " failed: " + describe(ex), 0, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FetchException("interrupted while fetching " + uri);
			}
			int status = response.statusCode();
			if ((status == 429 || status >= 500) && attempt < this.properties.retries()) {
				Duration retryAfter = retryAfter(response).orElse(wait);
				if (retryAfter.compareTo(this.properties.maxRetryWait()) > 0) {
					return response;
				}
				closeQuietly(response);
				log.info("url={} status={} retrying in {} ms", uri, status, retryAfter.toMillis());
				sleep(retryAfter);
				wait = wait.multipliedBy(2);
				continue;
			}
			return response;
		}
	}

	private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
		return response.headers().firstValue("Retry-After").flatMap(value -> {
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
		Robots robots = this.robots.get(uri.getScheme() + "://" + uri.getAuthority());
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
		String origin = uri.getScheme() + "://" + uri.getAuthority();
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
			HttpResponse<InputStream> response = sendWithRetries(URI.create(url), null, null);
			int status = response.statusCode();
			if (status == 429 || status >= 500) {
				closeQuietly(response);
				log.warn("url={} status={} robots.txt unavailable; not fetching from this host for now", url, status);
				return unavailable("HTTP " + status);
			}
			if (status >= 300) {
				closeQuietly(response);
				return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null, valid);
			}
			byte[] body;
			try (InputStream in = response.body()) {
				body = readCapped(in, 512 * 1024, url);
			}
			return new Robots(
					new SimpleRobotRulesParser().parseContent(url, body, "text/plain", List.of(this.robotName)), null,
					valid);
		}
		catch (IOException | RuntimeException ex) {
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

	private static void closeQuietly(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ex) {
			// Nothing to do: the connection is dropped.
		}
	}

	private static String describe(Throwable ex) {
		// The HTTP client's own exceptions often carry no message; the cause says what
		// happened ("Connection refused").
		return org.vigil.shared.RootCause.of(ex);
	}

}
