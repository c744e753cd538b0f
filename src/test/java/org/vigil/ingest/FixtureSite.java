package org.vigil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A local web site serving {@code src/test/resources/sites} as the real sources would:
 * content types by kind, ETags with 304s, {@code {{base}}} replaced by the site's own
 * URL; plus special routes for bad behaviour.
 */
final class FixtureSite implements AutoCloseable {

	static {
		// Real web servers send a small response at once (TCP_NODELAY); the JDK's server
		// does not unless told, which on a kept-alive connection costs each response a
		// 40 ms delayed ACK. Read once, when the first server of the JVM starts.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	/**
	 * Article pages whose one copy is the extraction golden input beside its expected
	 * result: the site serves the very page the golden test reads.
	 */
	private static final Map<String, String> GOLDEN_PAGES = Map.of("/govpl/web/obrona-narodowa/szef-mon-w-rumunii",
			"govpl-article.html", "/bmvg/de/aktuelles/pistorius-besucht-brigade-5741234", "bmvg-article.html",
			"/war/News/Releases/Release/Article/4321567/hegseth-announces-new-air-defense-purchases",
			"dod-article.html", "/mapn/cpresa/20289_ministrul-apararii", "mapn-article.html",
			"/d24/polityka-obronna/wicepremier-rozmawial-z-ministrem-obrony-rumunii", "defence24-article.html");

	private final HttpServer server;

	private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

	final List<String> requests = new CopyOnWriteArrayList<>();

	FixtureSite() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(16));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	FixtureSite route(String path, HttpHandler handler) {
		this.routes.put(path, handler);
		return this;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.requests.add(path);
		try (exchange) {
			HttpHandler special = this.routes.get(path);
			if (special != null) {
				special.handle(exchange);
				return;
			}
			if (path.equals("/robots.txt")) {
				send(exchange, 200, "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(), null);
				return;
			}
			path = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
			String golden = GOLDEN_PAGES.get(path);
			byte[] body = (golden != null) ? read("extraction/" + golden) : read("sites" + path);
			if (body == null) {
				body = read("sites" + path + ".html");
			}
			if (body == null) {
				body = read("sites" + path + ".json");
			}
			if (body == null) {
				send(exchange, 404, "text/html", "<h1>Not found</h1>".getBytes(), null);
				return;
			}
			// Placeholders are ASCII, so replacing through Latin-1 keeps any encoding.
			body = new String(body, StandardCharsets.ISO_8859_1).replace("{{base}}", base())
				.getBytes(StandardCharsets.ISO_8859_1);
			send(exchange, 200, contentType(path), body,
					"\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
		}
	}

	static void send(HttpExchange exchange, int status, String contentType, byte[] body, String etag)
			throws IOException {
		if (etag != null) {
			exchange.getResponseHeaders().set("ETag", etag);
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
		}
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/**
	 * An RSS feed of {@code articles} items, "Statement number n" at
	 * {@code base/slow/a/n}: the site the crash tests kill a crawl of.
	 */
	static byte[] numberedFeed(String base, int articles) {
		StringBuilder rss = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Slow</title>");
		for (int n = 1; n <= articles; n++) {
			rss.append("<item><title>Statement number ")
				.append(n)
				.append("</title><link>")
				.append(base)
				.append("/slow/a/")
				.append(n)
				.append("</link><guid>slow-")
				.append(n)
				.append("</guid></item>");
		}
		return rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A server that sends its headers at once and then a byte of body every 200 ms, never
	 * finishing: each read succeeds, so no read timeout ever fires. It stops when the
	 * client goes away or {@code stop} is set.
	 */
	static HttpHandler dribbling(String contentType, java.util.concurrent.atomic.AtomicBoolean stop) {
		return (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
			out.flush();
			try {
				while (!stop.get()) {
					Thread.sleep(200);
					out.write(' ');
					out.flush();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException ex) {
				// The client hung up: what a crawl that gave up does.
			}
		};
	}

	private static String contentType(String path) {
		if (path.endsWith(".json") || path.startsWith("/api/content/")) {
			return "application/json";
		}
		if (path.endsWith(".atom")) {
			return "application/atom+xml; charset=utf-8";
		}
		if (path.endsWith(".rss") || path.endsWith(".xml") || path.endsWith("/_rss")) {
			return "application/rss+xml; charset=utf-8";
		}
		// MApN's server claims UTF-8 for windows-1250 pages: the crawler must not trust
		// it.
		return "text/html; charset=utf-8";
	}

	private static byte[] read(String resource) throws IOException {
		if (resource.endsWith("/")) {
			return null;
		}
		try (InputStream in = FixtureSite.class.getClassLoader().getResourceAsStream(resource)) {
			return (in != null) ? in.readAllBytes() : null;
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
