package org.vigil.ingest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import org.vigil.shared.RootCause;
import org.vigil.sources.UrlPolicy;

/**
 * The one door through which ingestion talks to other hosts: listings, articles,
 * robots.txt, the GOV.UK Content API, links found in feeds and pages, and every redirect
 * hop all come through here (OneOutboundDoorTest keeps it so). Each request parses its
 * URL strictly ({@link UrlPolicy#parse}); HTTP itself is Apache HttpClient's, over
 * {@link GuardedConnections}, which refuse a host if any of its addresses is not
 * permitted and check the peer of every socket before a byte is sent. One deadline covers
 * connect, TLS, headers and body ({@link FetchDeadline}), and the body is capped while it
 * is read, after decompression too ({@link OutboundResponse}).
 * <p>
 * Redirects, retries, cookies and decompression are switched off in HttpClient: the
 * caller follows redirects, each hop a new request through this door.
 */
final class OutboundHttp implements AutoCloseable {

	private final UrlPolicy policy;

	private final HostResolver resolver;

	private final Duration headerTimeout;

	private final Duration deadline;

	private final Duration connectTimeout;

	private final CloseableHttpClient client;

	OutboundHttp(UrlPolicy policy, HostResolver resolver, Duration connectTimeout, Duration headerTimeout,
			Duration deadline) {
		this.policy = policy;
		this.resolver = resolver;
		this.connectTimeout = connectTimeout;
		this.headerTimeout = headerTimeout;
		this.deadline = deadline;
		// The deadline is enforced from outside (FetchDeadline); the read timeout only
		// keeps a thread from waiting forever if that ever failed.
		Timeout backstop = Timeout.ofMilliseconds(deadline.toMillis() + 1000);
		this.client = HttpClients.custom()
			.setConnectionManager(GuardedConnections.pool(policy, resolver, connectTimeout, deadline.plusSeconds(1)))
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setResponseTimeout(backstop)
				.setConnectionRequestTimeout(backstop)
				.setContentCompressionEnabled(false)
				.setProtocolUpgradeEnabled(false)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableContentCompression()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableDefaultUserAgent()
			.build();
	}

	/**
	 * Where a URL would be fetched from: the strictly parsed URL and the permitted
	 * addresses of its host. Connects to nothing.
	 * @param url the URL
	 * @return the target
	 * @throws FetchException saying why the URL or one of its addresses is refused
	 */
	Target target(String url) {
		URI uri = parse(url);
		String host = UrlPolicy.hostForLookup(uri);
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw new FetchException("unknown host " + host + " for " + url);
		}
		catch (RuntimeException ex) {
			throw new FetchException("resolving " + host + " failed for " + url + ": " + RootCause.of(ex));
		}
		if (addresses == null || addresses.length == 0) {
			throw new FetchException("unknown host " + host + " for " + url);
		}
		for (InetAddress address : addresses) {
			// One private address among public ones is refused too: the connection may
			// go to any of them.
			if (!this.policy.permits(address)) {
				throw new FetchException(UrlPolicy.refused(address, url).getMessage());
			}
		}
		return new Target(uri, List.of(addresses));
	}

	private URI parse(String url) {
		try {
			return this.policy.parse(url);
		}
		catch (IllegalArgumentException ex) {
			throw new FetchException(ex.getMessage());
		}
	}

	/**
	 * A URL, parsed strictly, and the checked addresses of its host.
	 *
	 * @param uri the URL
	 * @param addresses where its host resolved to, each permitted
	 */
	record Target(URI uri, List<InetAddress> addresses) {

	}

	/**
	 * Sends a GET and reads the status line and headers; the body is read through the
	 * returned response, which the caller closes.
	 * @param url the URL
	 * @param headers request headers (null values are left out)
	 * @return the open response
	 * @throws FetchException with a reason an operator can act on
	 */
	OutboundResponse get(String url, Map<String, String> headers) {
		long start = System.nanoTime();
		HttpGet request = new HttpGet(parse(url));
		headers.forEach((name, value) -> {
			if (value == null) {
				return;
			}
			if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || name.indexOf(':') >= 0) {
				throw new FetchException("refusing a header with a line break: " + name);
			}
			request.addHeader(name, value);
		});
		Duration headerLimit = (this.headerTimeout.compareTo(this.deadline) < 0) ? this.headerTimeout : this.deadline;
		FetchDeadline clock = FetchDeadline.start(request::cancel, start + headerLimit.toNanos(),
				"no response from " + url + " within " + seconds(headerLimit) + " (timeout)");
		ClassicHttpResponse response;
		try {
			response = this.client.executeOpen(null, request, null);
		}
		catch (IOException | RuntimeException ex) {
			clock.end();
			throw failure(url, request, ex, clock.struck());
		}
		clock.moveTo(start + this.deadline.toNanos(),
				"body of " + url + " not complete after " + seconds(this.deadline) + " (vigil.ingest.fetch-deadline)");
		return new OutboundResponse(url, request, response, clock);
	}

	private FetchException failure(String url, HttpGet request, Exception ex, String struck) {
		if (ex instanceof FetchException fetch) {
			return fetch;
		}
		if (struck != null) {
			return new FetchException(struck, 0, ex);
		}
		if (Thread.currentThread().isInterrupted() || cause(ex, InterruptedException.class) != null
				|| cause(ex, CancellationException.class) != null) {
			// The crawl was called off (CrawlRuns interrupts its threads).
			return new FetchException("fetching " + url + " interrupted", 0, ex);
		}
		String host = request.getAuthority().getHostName();
		GuardedConnections.RefusedAddressException refused = cause(ex,
				GuardedConnections.RefusedAddressException.class);
		if (refused != null) {
			return new FetchException(UrlPolicy.refused(refused.address(), url).getMessage(), 0, ex);
		}
		if (cause(ex, UnknownHostException.class) != null) {
			return new FetchException("unknown host " + host + " for " + url, 0, ex);
		}
		if (cause(ex, ConnectTimeoutException.class) != null) {
			return new FetchException(
					"connecting to " + host + " timed out after " + this.connectTimeout.toSeconds() + "s", 0, ex);
		}
		if (cause(ex, ConnectException.class) != null) {
			return new FetchException("connecting to " + host + " failed: " + RootCause.of(ex), 0, ex);
		}
		if (cause(ex, SocketTimeoutException.class) != null) {
			return new FetchException("no response from " + url + " within " + seconds(this.deadline) + " (timeout)", 0,
					ex);
		}
		return new FetchException("fetching " + url + " failed: " + RootCause.of(ex), 0, ex);
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	/** Closes the pooled connections. */
	@Override
	public void close() {
		this.client.close(CloseMode.IMMEDIATE);
	}

}
