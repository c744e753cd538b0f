package org.vigil.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.vigil.sources.UrlPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connections are kept and reused, and reuse never skips a guard: a response read to its
 * end leaves its connection for the next request to the host; one cut off at the cap or
 * the deadline takes its connection with it, so the next page is never read from the rest
 * of the last one. A keep-alive server on loopback counts connections.
 */
class PooledConnectionsTest {

	private static final int CAP = 100_000;

	private KeepAliveServer server;

	private Fetcher fetcher;

	@BeforeEach
	void start() throws IOException {
		this.server = new KeepAliveServer("127.0.0.1");
		this.fetcher = new Fetcher(OutboundGuardTest.properties(Duration.ofSeconds(1), CAP), new UrlPolicy(true));
	}

	@AfterEach
	void stop() throws IOException {
		this.fetcher.close();
		this.server.close();
	}

	private String page(String path) {
		return new String(this.fetcher.get(this.server.base() + path).body(), StandardCharsets.UTF_8);
	}

	@Test
	@DisplayName("robots.txt and two pages of one host go over one kept-alive connection")
	void requestsToOneHostShareAConnection() {
		assertThat(page("/page/1")).isEqualTo("page /page/1");
		assertThat(page("/page/2")).isEqualTo("page /page/2");
		assertThat(this.server.requests).containsExactly("/robots.txt", "/page/1", "/page/2");
		assertThat(this.server.connections).hasValue(1);
	}

	@Test
	@DisplayName("a body cut off at the cap drops its connection: the next page comes whole over a new one")
	void aBodyOverTheCapIsNotFollowedOnItsConnection() {
		assertThat(page("/page/1")).isEqualTo("page /page/1");
		assertThatThrownBy(() -> page("/huge")).isInstanceOf(FetchException.class)
			.hasMessageContaining("body is over the limit of " + CAP + " bytes");
		assertThat(page("/page/2")).isEqualTo("page /page/2");
		assertThat(this.server.connections).hasValue(2);
	}

	@Test
	@DisplayName("a body aborted at the deadline drops its connection: the next page comes whole over a new one")
	void aBodyPastTheDeadlineIsNotFollowedOnItsConnection() {
		assertThat(page("/page/1")).isEqualTo("page /page/1");
		assertThatThrownBy(() -> page("/slow")).isInstanceOf(FetchException.class)
			.hasMessageContaining("not complete after 1 s");
		assertThat(page("/page/2")).isEqualTo("page /page/2");
		assertThat(this.server.connections).hasValue(2);
	}

	@Test
	@DisplayName("the socket itself refuses a loopback address that no resolver was asked about")
	void theSocketRefusesAnAddressThatSkippedTheResolver() throws IOException {
		// An HttpHost that carries its address skips DNS: only the socket's own check is
		// left to refuse it.
		try (CloseableHttpClient client = HttpClients.custom()
			.setConnectionManager(GuardedConnections.pool(new UrlPolicy(false), (host) -> {
				throw new AssertionError("no lookup expected for " + host);
			}, Duration.ofSeconds(1), Duration.ofSeconds(1)))
			.build()) {
			HttpHost target = new HttpHost("http", InetAddress.getByName("127.0.0.1"), "public.test",
					this.server.port());
			assertThatThrownBy(() -> client.executeOpen(target, new HttpGet("/page/1"), null))
				.isInstanceOf(GuardedConnections.RefusedAddressException.class)
				.hasMessageContaining("127.0.0.1");
		}
		assertThat(this.server.connections).hasValue(0);
	}

	/**
	 * Serves many requests per connection, as real servers do: pages with a length, a
	 * huge chunked body, and a body that dribbles.
	 */
	static final class KeepAliveServer implements AutoCloseable {

		private final ServerSocket socket;

		final AtomicInteger connections = new AtomicInteger();

		final List<String> requests = new CopyOnWriteArrayList<>();

		KeepAliveServer(String address) throws IOException {
			this.socket = new ServerSocket(0, 50, InetAddress.getByName(address));
			Thread acceptor = new Thread(this::accept, "keep-alive-server");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		String base() {
			return "http://127.0.0.1:" + port();
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try {
					Socket connection = this.socket.accept();
					this.connections.incrementAndGet();
					Thread worker = new Thread(() -> serve(connection), "keep-alive-connection");
					worker.setDaemon(true);
					worker.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void serve(Socket connection) {
			try (connection) {
				connection.setTcpNoDelay(true);
				InputStream in = connection.getInputStream();
				OutputStream out = connection.getOutputStream();
				String path;
				while ((path = readRequest(in)) != null) {
					this.requests.add(path);
					if (path.equals("/huge")) {
						out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
							.getBytes(StandardCharsets.ISO_8859_1));
						byte[] chunk = "a".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
						for (int i = 0; i < 100; i++) {
							out.write(("2710\r\n").getBytes(StandardCharsets.ISO_8859_1));
							out.write(chunk);
							out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
						}
						out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
					}
					else if (path.equals("/slow")) {
						out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 40\r\n\r\n"
							.getBytes(StandardCharsets.ISO_8859_1));
						for (int i = 0; i < 40; i++) {
							out.write('x');
							out.flush();
							FetchFaultsTest.sleep(100);
						}
					}
					else {
						byte[] body = (path.equals("/robots.txt") ? "User-agent: *\nAllow: /\n" : "page " + path)
							.getBytes(StandardCharsets.UTF_8);
						out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + body.length
								+ "\r\n\r\n")
							.getBytes(StandardCharsets.ISO_8859_1));
						out.write(body);
					}
					out.flush();
				}
			}
			catch (IOException ex) {
				// The client hung up, as it should past a cap or deadline.
			}
		}

		/** The path of the next request on the connection, or null when it closed. */
		private static String readRequest(InputStream in) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) != -1) {
				head.write(b);
				if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
					String[] requestLine = head.toString(StandardCharsets.ISO_8859_1).split(" ", 3);
					return (requestLine.length > 1) ? requestLine[1] : "/";
				}
			}
			return null;
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
