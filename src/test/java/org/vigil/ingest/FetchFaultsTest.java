package org.vigil.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.vigil.sources.UrlPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Servers that misbehave, on loopback: each fetch fails with a clear reason within its
 * deadline and its cap, and returns nothing half-read. The deadline here is 1 s and the
 * cap 1 MB (both properties), so the suite stays fast.
 */
class FetchFaultsTest {

	private static final Duration DEADLINE = Duration.ofSeconds(1);

	private static final int CAP = 1_000_000;

	private RawHttpServer server;

	private Fetcher fetcher;

	@BeforeEach
	void start() throws IOException {
		this.server = new RawHttpServer("127.0.0.1");
		this.fetcher = new Fetcher(OutboundGuardTest.properties(DEADLINE, CAP), new UrlPolicy(true));
	}

	@AfterEach
	void stop() throws IOException {
		this.server.close();
	}

	private static void head(OutputStream out, String headers) throws IOException {
		out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + headers + "Connection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	@Test
	@DisplayName("a server that sends headers then dribbles its body fails with 'body not complete after 1 s', at the deadline")
	void aDribblingBodyFailsAtTheDeadlineWithAClearReason() {
		this.server.route("/slow", (path, out) -> {
			head(out, "Content-Length: 100000\r\n");
			for (int i = 0; i < 100; i++) {
				out.write('x');
				out.flush();
				sleep(100);
			}
		});
		long start = System.nanoTime();
		assertThatThrownBy(() -> this.fetcher.get(this.server.base() + "/slow")).isInstanceOf(FetchException.class)
			.hasMessageContaining("body of " + this.server.base() + "/slow not complete after 1 s");
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		assertThat(elapsed).as("ms until the failure").isBetween(900L, 2_500L);
	}

	@Test
	@DisplayName("a server that dribbles its headers fails with a timeout within the deadline")
	void dribblingHeadersFailWithinTheDeadline() {
		this.server.route("/slow-head", (path, out) -> {
			out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
			for (int i = 0; i < 100; i++) {
				out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				sleep(100);
			}
		});
		long start = System.nanoTime();
		assertThatThrownBy(() -> this.fetcher.get(this.server.base() + "/slow-head")).isInstanceOf(FetchException.class)
			.hasMessageContaining("no response from")
			.hasMessageContaining("(timeout)");
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500L);
	}

	@Test
	@DisplayName("a server that closes mid-body (Content-Length) fails with 'connection closed mid-body', nothing returned")
	void aBodyCutShortByContentLengthFailsWithAClearReason() {
		this.server.route("/cut", (path, out) -> {
			head(out, "Content-Length: 1000\r\n");
			out.write(new byte[100]);
		});
		assertThatThrownBy(() -> this.fetcher.get(this.server.base() + "/cut")).isInstanceOf(FetchException.class)
			.hasMessageContaining("connection closed mid-body: 100 of 1000 bytes received");
	}

	@Test
	@DisplayName("a server that closes mid-chunk fails with 'connection closed mid-body', nothing returned")
	void aChunkedBodyCutShortFailsWithAClearReason() {
		this.server.route("/cut-chunked", (path, out) -> {
			head(out, "Transfer-Encoding: chunked\r\n");
			out.write("64\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.write(new byte[40]);
		});
		assertThatThrownBy(() -> this.fetcher.get(this.server.base() + "/cut-chunked"))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("connection closed mid-body after 40 bytes");
	}

	@Test
	@DisplayName("a chunked body is read whole when it is complete")
	void aCompleteChunkedBodyIsRead() {
		this.server.route("/chunked", (path, out) -> {
			head(out, "Transfer-Encoding: chunked\r\n");
			out.write("5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: y\r\n\r\n"
				.getBytes(StandardCharsets.ISO_8859_1));
		});
		assertThat(new String(this.fetcher.get(this.server.base() + "/chunked").body(), StandardCharsets.UTF_8))
			.isEqualTo("hello world");
	}

	@Test
	@DisplayName("an endless redirect chain stops after vigil.ingest.max-redirects hops with a clear error")
	void anEndlessRedirectChainStopsAtTheHopLimit() {
		this.server.route("/r/*", (path, out) -> {
			int n = Integer.parseInt(path.substring(3));
			RawHttpServer.redirect(out, "/r/" + (n + 1));
		});
		assertThatThrownBy(() -> this.fetcher.get(this.server.base() + "/r/0")).isInstanceOf(FetchException.class)
			.hasMessageContaining("more than 5 redirects from " + this.server.base() + "/r/0");
		assertThat(this.server.requests.stream().filter((p) -> p.startsWith("/r/"))).hasSize(6);
	}

	@Test
	@DisplayName("a gzip bomb (100 MB of zeros in 100 KB) fails with 'decompressed body is over the limit', read no further")
	void aGzipBombIsStoppedWhileDecompressing() throws IOException {
		byte[] bomb = gzippedZeros(100_000_000);
		assertThat(bomb.length).isLessThan(CAP);
		this.server.route("/bomb",
				(path, out) -> RawHttpServer.send(out, 200, "text/html", bomb, "Content-Encoding: gzip\r\n"));
		long start = System.nanoTime();
		assertThatThrownBy(() -> this.fetcher.get(this.server.base() + "/bomb")).isInstanceOf(FetchException.class)
			.hasMessageContaining("decompressed body is over the limit of 1000000 bytes");
		assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(1_000L);
	}

	@Test
	@DisplayName("a 10 MB single-line page without a Content-Length is cut off at the cap while reading, not after")
	void aTenMegabyteSingleLinePageIsRefusedWhileReading() {
		AtomicLong sent = new AtomicLong();
		this.server.route("/huge", (path, out) -> {
			head(out, "");
			byte[] line = "<p>".concat("a".repeat(65_533)).getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < 160; i++) {
				out.write(line);
				sent.addAndGet(line.length);
			}
		});
		assertThatThrownBy(() -> this.fetcher.get(this.server.base() + "/huge")).isInstanceOf(FetchException.class)
			.hasMessageContaining("body is over the limit of 1000000 bytes");
		sleep(200);
		assertThat(sent.get()).as("bytes the server managed to send before the client hung up").isLessThan(10_000_000L);
	}

	@Test
	@DisplayName("a 10 MB single-line page within the cap is read whole and extracted in bounded time")
	void aTenMegabyteSingleLinePageWithinTheCapIsReadAndExtracted() {
		this.server.route("/big", (path, out) -> {
			head(out, "");
			out.write("<html><head><title>Big</title></head><body><article><h1>Big statement</h1><p>"
				.getBytes(StandardCharsets.US_ASCII));
			byte[] words = "word ".repeat(13_108).getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < 160; i++) {
				out.write(words);
			}
			out.write("</p></article></body></html>".getBytes(StandardCharsets.US_ASCII));
		});
		Fetcher roomy = new Fetcher(OutboundGuardTest.properties(Duration.ofSeconds(30), 11_000_000),
				new UrlPolicy(true));
		long start = System.nanoTime();
		Fetched fetched = roomy.get(this.server.base() + "/big");
		assertThat(fetched.body().length).isGreaterThan(10_000_000);
		Extraction extraction = Extractor.extract(fetched.url(), new String(fetched.body(), StandardCharsets.UTF_8),
				null, Hints.NONE, java.time.ZoneId.of("UTC"), "en");
		assertThat(extraction.title()).startsWith("Big");
		assertThat(extraction.bodyText()).hasSizeGreaterThan(10_000_000);
		assertThat((System.nanoTime() - start) / 1_000_000_000).as("seconds to fetch and extract").isLessThan(60);
	}

	@Test
	@DisplayName("a declared Content-Length over the cap is refused before reading the body")
	void aDeclaredLengthOverTheCapIsRefusedAtOnce() {
		this.server.route("/declared", (path, out) -> head(out, "Content-Length: 50000000\r\n"));
		assertThatThrownBy(() -> this.fetcher.get(this.server.base() + "/declared")).isInstanceOf(FetchException.class)
			.hasMessageContaining("body of 50000000 bytes is over the limit of 1000000");
	}

	@Test
	@DisplayName("a server that accepts and never answers fails at the deadline with a timeout")
	void aSilentServerFailsWithATimeout() {
		this.server.route("/silent", (path, out) -> sleep(3_000));
		assertThatThrownBy(() -> this.fetcher.get(this.server.base() + "/silent")).isInstanceOf(FetchException.class)
			.hasMessageContaining("(timeout)");
	}

	@Test
	@DisplayName("a gzip-encoded page is decoded")
	void aGzipPageIsDecoded() throws IOException {
		byte[] page = gzip("<p>compressed page</p>".getBytes(StandardCharsets.UTF_8));
		this.server.route("/gz",
				(path, out) -> RawHttpServer.send(out, 200, "text/html", page, "Content-Encoding: gzip\r\n"));
		assertThat(new String(this.fetcher.get(this.server.base() + "/gz").body(), StandardCharsets.UTF_8))
			.isEqualTo("<p>compressed page</p>");
	}

	static byte[] gzippedZeros(int size) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			byte[] zeros = new byte[1 << 20];
			for (int written = 0; written < size; written += zeros.length) {
				gzip.write(zeros, 0, Math.min(zeros.length, size - written));
			}
		}
		return bytes.toByteArray();
	}

	static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(data);
		}
		return bytes.toByteArray();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
