package org.vigil.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
class Fetcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

	private final IngestProperties properties;

	private final OutboundHttp http;

	private final RobotsRules robots;

	private final HostPoliteness politeness;

	@Autowired
	Fetcher(IngestProperties properties, UrlPolicy policy) {
		this(properties, policy, HostResolver.SYSTEM);
	}

	Fetcher(IngestProperties properties, UrlPolicy policy, HostResolver resolver) {
		this.properties = properties;
		this.http = new OutboundHttp(policy, resolver, properties.connectTimeout(), properties.requestTimeout(),
				properties.fetchDeadline());
		String robotName = properties.userAgent().split("[/ ]")[0].toLowerCase(Locale.ROOT);
		this.robots = new RobotsRules(robotName, (uri) -> sendWithRetries(uri, null, null));
		this.politeness = new HostPoliteness(properties.politenessDelay());
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
			// robots.txt is asked; the request itself checks again the address it
			// connects to.
			URI uri = this.http.target(current).uri();
			this.robots.check(uri, current);
			OutboundResponse response = sendWithRetries(uri, (hop == 0) ? etag : null,
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

	private Fetched read(String url, OutboundResponse response) {
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

	private OutboundResponse sendWithRetries(URI uri, String etag, String lastModified) {
		Duration wait = this.properties.retryBackoff();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("User-Agent", this.properties.userAgent());
		headers.put("Accept-Encoding", "gzip");
		headers.put("Accept", "text/html,application/xhtml+xml,application/xml,application/rss+xml,"
				+ "application/atom+xml,application/json;q=0.9,*/*;q=0.8");
		headers.put("If-None-Match", etag);
		headers.put("If-Modified-Since", lastModified);
		for (int attempt = 0;; attempt++) {
			this.politeness.await(uri, this.robots.crawlDelayMillis(uri));
			OutboundResponse response = this.http.get(uri.toString(), headers);
			int status = response.status();
			if ((status == 429 || status >= 500) && attempt < this.properties.retries()) {
				Duration retryAfter = retryAfter(response).orElse(wait);
				if (retryAfter.compareTo(this.properties.maxRetryWait()) > 0) {
					return response;
				}
				response.close();
				log.info("url={} status={} retrying in {} ms", uri, status, retryAfter.toMillis());
				HostPoliteness.sleep(retryAfter);
				wait = wait.multipliedBy(2);
				continue;
			}
			return response;
		}
	}

	private static Optional<Duration> retryAfter(OutboundResponse response) {
		return Optional.ofNullable(response.header("Retry-After")).flatMap(value -> {
			try {
				return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		});
	}

	/** Closes the pooled connections (Spring calls it at shutdown). */
	@Override
	public void close() {
		this.http.close();
	}

}
