package org.vigil.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.vigil.sources.UrlPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard on: no URL, however written, and no redirect makes Vigil connect to a
 * loopback server. A real server listens on 127.0.0.1 and counts connections; every
 * hostile URL names it, and the count must stay zero. A second server on 127.0.0.2 stands
 * for a public site ({@code vigil.ingest.allowed-addresses=127.0.0.2}), so redirects from
 * an allowed site can be tried too.
 */
class OutboundGuardTest {

	private RawHttpServer hostile;

	private RawHttpServer site;

	private Fetcher fetcher;

	static IngestProperties properties(Duration deadline, long maxBodyBytes) {
		return new IngestProperties("Vigil/0.1 (test)", Duration.ofSeconds(2), Duration.ofSeconds(2), maxBodyBytes, 5,
				Duration.ZERO, 0, Duration.ofMillis(10), Duration.ofSeconds(1), false, 100, 3, 2, 4,
				Duration.ofMinutes(1), deadline);
	}

	/**
	 * Names under .example resolve to loopback, as a hostile or careless DNS would make
	 * them.
	 */
	static InetAddress[] resolve(String host) throws java.net.UnknownHostException {
		if (host.endsWith(".example")) {
			return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
		}
		if (host.equals("mixed.test")) {
			return new InetAddress[] { InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.1") };
		}
		if (host.equals("site.test")) {
			return new InetAddress[] { InetAddress.getByName("127.0.0.2") };
		}
		return InetAddress.getAllByName(host);
	}

	@BeforeEach
	void start() throws IOException {
		this.hostile = new RawHttpServer("127.0.0.1");
		this.hostile.route("/*", (path, out) -> RawHttpServer.send(out, 200, "text/plain",
				"internal secret".getBytes(StandardCharsets.US_ASCII)));
		this.site = new RawHttpServer("127.0.0.2");
		this.site.route("/ok",
				(path, out) -> RawHttpServer.send(out, 200, "text/html", "<p>public page</p>".getBytes()));
		this.fetcher = new Fetcher(properties(Duration.ofSeconds(5), 1_000_000),
				new UrlPolicy(false, List.of("127.0.0.2")), OutboundGuardTest::resolve);
	}

	@AfterEach
	void stop() throws IOException {
		this.hostile.close();
		this.site.close();
	}

	static Stream<Arguments> tricks() {
		return Stream.of(
				Arguments.of("%2f in the authority (robots.txt SSRF)",
						"http://127.0.0.1:{port}%2fsecret%3fx=@93.184.216.34/"),
				Arguments.of("%2f in the authority via a public allowed host",
						"http://127.0.0.1:{port}%2fsecret%3fx=@127.0.0.2:{site}/ok"),
				Arguments.of("user info", "http://user:pw@127.0.0.1:{port}/"),
				Arguments.of("user info hiding the real host", "http://127.0.0.2:{site}@127.0.0.1:{port}/"),
				Arguments.of("backslash before @", "http://127.0.0.1:{port}\\@127.0.0.2:{site}/"),
				Arguments.of("decimal IPv4 (2130706433)", "http://2130706433:{port}/"),
				Arguments.of("hex IPv4 (0x7f.1)", "http://0x7f.1:{port}/"),
				Arguments.of("hex IPv4 (0x7f000001)", "http://0x7f000001:{port}/"),
				Arguments.of("octal IPv4 (0177.0.0.1)", "http://0177.0.0.1:{port}/"),
				Arguments.of("short IPv4 (127.1)", "http://127.1:{port}/"),
				Arguments.of("IPv4-mapped IPv6", "http://[::ffff:127.0.0.1]:{port}/"),
				Arguments.of("IPv4-mapped IPv6 in hex", "http://[::ffff:7f00:1]:{port}/"),
				Arguments.of("IPv4-compatible IPv6", "http://[::127.0.0.1]:{port}/"),
				Arguments.of("IPv6 loopback", "http://[::1]:{port}/"),
				Arguments.of("0.0.0.0 (reaches loopback on Linux)", "http://0.0.0.0:{port}/"),
				Arguments.of("plain loopback", "http://127.0.0.1:{port}/"),
				Arguments.of("another loopback address", "http://127.9.9.9:{port}/"),
				Arguments.of("DNS name resolving to loopback (localhost)", "http://localhost:{port}/"),
				Arguments.of("DNS name resolving to loopback (LOCALHOST.)", "http://LOCALHOST.:{port}/"),
				Arguments.of("DNS name resolving to loopback (resolver)", "http://news.example:{port}/"),
				Arguments.of("DNS name with one loopback address among allowed ones", "http://mixed.test:{port}/"),
				Arguments.of("file scheme", "file:///etc/passwd"),
				Arguments.of("gopher scheme", "gopher://127.0.0.1:{port}/_GET%20/"),
				Arguments.of("no scheme", "//127.0.0.1:{port}/"));
	}

	private String fill(String url) {
		return url.replace("{port}", String.valueOf(this.hostile.port()))
			.replace("{site}", String.valueOf(this.site.port()));
	}

	@ParameterizedTest(name = "{0}: refused with a reason, the loopback server sees no connection")
	@MethodSource("tricks")
	void aHostileUrlIsRefusedAndNothingReachesLoopback(String trick, String url) {
		assertThatThrownBy(() -> this.fetcher.get(fill(url))).isInstanceOf(FetchException.class)
			.hasMessageMatching("(?s).*(refus|only http|IP addresses must be|not a valid|backslash).*");
		assertThat(this.hostile.connections).hasValue(0);
	}

	@ParameterizedTest(name = "redirect to {0}: refused at that hop, the loopback server sees no connection")
	@MethodSource("tricks")
	void aRedirectToAHostileUrlIsRefusedAtThatHop(String trick, String url) {
		String target = fill(url);
		this.site.route("/jump", (path, out) -> RawHttpServer.redirect(out, target));
		assertThatThrownBy(() -> this.fetcher.get(this.site.base() + "/jump")).isInstanceOf(FetchException.class);
		assertThat(this.site.requests).contains("/jump");
		assertThat(this.hostile.connections).hasValue(0);
	}

	@Test
	@DisplayName("an allowed site is fetched with the guard on (the tests above refuse for their reason, not for all)")
	void anAllowedSiteIsFetched() {
		assertThat(new String(this.fetcher.get(this.site.base() + "/ok").body(), StandardCharsets.UTF_8))
			.contains("public page");
		assertThat(new String(this.fetcher.get("http://site.test:" + this.site.port() + "/ok").body(),
				StandardCharsets.UTF_8))
			.contains("public page");
	}

	@Test
	@DisplayName("robots.txt of a URL is asked of the host the URL names, never of one hidden in its authority")
	void robotsTxtIsAskedOfTheNamedHostOnly() {
		this.site.route("/robots.txt", (path, out) -> RawHttpServer.send(out, 200, "text/plain",
				"User-agent: *\nDisallow: /private/\n".getBytes()));
		assertThat(this.fetcher.get(this.site.base() + "/ok").status()).isEqualTo(200);
		assertThat(this.site.requests).containsExactly("/robots.txt", "/ok");
		assertThat(this.hostile.connections).hasValue(0);
	}

	@Test
	@DisplayName("the door checks the address it connects to: a name that resolves to loopback is refused at connect time")
	void theDoorChecksResolvedAddresses() {
		OutboundHttp door = new OutboundHttp(new UrlPolicy(false), OutboundGuardTest::resolve, Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(1));
		assertThatThrownBy(() -> door.get("http://intranet.example:" + this.hostile.port() + "/", java.util.Map.of()))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("refusing a private or loopback address (127.0.0.1)");
		assertThat(this.hostile.connections).hasValue(0);
	}

}
