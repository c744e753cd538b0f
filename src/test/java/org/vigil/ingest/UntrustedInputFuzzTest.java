package org.vigil.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.vigil.sources.Selectors;
import org.vigil.sources.Source;
import org.vigil.sources.SourceDeclaration;
import org.vigil.sources.UrlPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated hostile input, 10,000 tries per property: URLs, article HTML and feed bytes.
 * No exception escapes but the documented ones (IllegalArgumentException from the URL
 * parser, FetchException from fetching and listing reading, none from extraction), and a
 * loopback server named by every generated URL and feed sees no connection.
 */
class UntrustedInputFuzzTest {

	private static RawHttpServer loopback;

	private static String port;

	/** Every name resolves to loopback, the worst a DNS server could answer. */
	private static final HostResolver EVERYTHING_IS_LOOPBACK = (host) -> {
		if (host.matches("[0-9a-fA-F:.]+")) {
			return InetAddress.getAllByName(host);
		}
		if (host.isEmpty()) {
			throw new UnknownHostException(host);
		}
		return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
	};

	private static final List<String> SCHEMES = List.of("http://", "https://", "HTTP://", "hTtPs://");

	/**
	 * Loopback in disguise. No public address appears: an insertion that ends the
	 * authority early ({@code 93.184.216.34#@127.0.0.1}) would leave a URL that really
	 * names a public host, and the test must never connect to one.
	 */
	private static final List<String> LOOPBACK_HOSTS = List.of("127.0.0.1:{port}", "localhost:{port}",
			"LOCALHOST.:{port}", "2130706433:{port}", "0x7f.1:{port}", "0x7f000001:{port}", "0177.0.0.1:{port}",
			"0177.1:{port}", "127.1:{port}", "127.0.1:{port}", "[::1]:{port}", "[::ffff:127.0.0.1]:{port}",
			"[::ffff:7f00:1]:{port}", "[::127.0.0.1]:{port}", "[0:0:0:0:0:ffff:7f00:1]:{port}",
			"[64:ff9b::7f00:1]:{port}", "0.0.0.0:{port}", "0:{port}", "127.0.0.1:{port}%2fx%3f@example.org",
			"example.org@127.0.0.1:{port}", "127%2e0%2e0%2e1:{port}", "１２７.０.０.１:{port}", "127。0。0。1:{port}",
			"127.0.0.1.nip.io:{port}", "intranet:{port}", "[::]:{port}", "127.0.0.1:{port}\\", "127.0.0.1:0{port}",
			"127.0.0.1:+{port}");

	/**
	 * Inserted anywhere: no digits or hex letters, so no insertion turns an IPv4 loopback
	 * into another address (a colon can still make an IPv6 address of an IPv4-mapped one:
	 * that is how {@code ::f:fff:7f00:1} was found).
	 */
	private static final String INSERTABLE = "@%/\\:#?[].\t\r\n\u0000\u3002\uff0egGzZ_~-!$&'()*+,;= ";

	@BeforeContainer
	static void startLoopbackServer() throws IOException {
		loopback = new RawHttpServer("127.0.0.1");
		loopback.route("/*", (path, out) -> RawHttpServer.send(out, 200, "text/html",
				"<p>internal</p>".getBytes(StandardCharsets.US_ASCII)));
		port = String.valueOf(loopback.port());
	}

	@AfterContainer
	static void stopLoopbackServer() throws IOException {
		assertThat(loopback.connections).as("connections that reached the loopback server").hasValue(0);
		loopback.close();
	}

	// --- URLs -------------------------------------------------------------------------

	@Property(tries = 10_000)
	void anyStringIsParsedOrRefusedWithAReason(@ForAll("anyText") String url) {
		try {
			assertThat(new UrlPolicy(false).parse(url).getHost()).isNotBlank();
		}
		catch (IllegalArgumentException refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
	}

	@Property(tries = 10_000)
	void aUrlNamingLoopbackInAnyDisguiseIsRefusedAndReachesNothing(@ForAll("loopbackUrls") String url) {
		IngestProperties properties = OutboundGuardTest.properties(Duration.ofSeconds(1), 100_000);
		OutboundHttp door = new OutboundHttp(new UrlPolicy(false), EVERYTHING_IS_LOOPBACK, Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(1));
		try {
			OutboundHttp.Target target = door.target(url);
			// An insertion can make another literal address of the host ("1.27.0.0/.1"):
			// that one may be permitted, but never one that is loopback or private. It is
			// not fetched: tests send nothing beyond this machine.
			assertThat(target.addresses()).as("addresses permitted for " + url)
				.noneMatch((address) -> address.isLoopbackAddress() || address.isAnyLocalAddress()
						|| address.isSiteLocalAddress() || address.isLinkLocalAddress());
			return;
		}
		catch (FetchException refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
		Fetcher fetcher = new Fetcher(properties, new UrlPolicy(false), EVERYTHING_IS_LOOPBACK);
		try {
			fetcher.get(url);
			fail("fetched " + url);
		}
		catch (FetchException refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
		assertThat(loopback.connections).as("connections after " + url).hasValue(0);
	}

	@Provide
	Arbitrary<String> anyText() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(120),
				Combinators.combine(Arbitraries.of(SCHEMES), Arbitraries.strings().ofMaxLength(60)).as(String::concat),
				Combinators
					.combine(Arbitraries.of(SCHEMES),
							Arbitraries.strings().withChars("abcxyz0123456789.:@%/\\[]?#-_~").ofMaxLength(40))
					.as(String::concat));
	}

	@Provide
	Arbitrary<String> loopbackUrls() {
		Arbitrary<String> base = Combinators
			.combine(Arbitraries.of(SCHEMES), Arbitraries.of(LOOPBACK_HOSTS),
					Arbitraries.strings().withChars("abc/?#&=%.@:\\").ofMaxLength(16))
			.as((scheme, host, path) -> scheme + host.replace("{port}", port) + path);
		Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, 1000).list().ofMaxSize(3);
		Arbitrary<String> inserted = Arbitraries.strings().withChars(INSERTABLE).ofMinLength(3).ofMaxLength(3);
		return Combinators.combine(base, positions, inserted).as((url, where, what) -> {
			StringBuilder mutated = new StringBuilder(url);
			for (int i = 0; i < where.size(); i++) {
				mutated.insert(where.get(i) % (mutated.length() + 1), what.charAt(i));
			}
			return mutated.toString();
		});
	}

	// --- article HTML -----------------------------------------------------------------

	@Property(tries = 10_000)
	void theExtractorReadsAnyHtmlWithoutAnException(@ForAll("html") String html) {
		Extraction extraction = Extractor.extract("https://www.example.org/news/1", html, null, Hints.NONE,
				ZoneId.of("Europe/Warsaw"), "en");
		assertThat(extraction).isNotNull();
	}

	@Provide
	Arbitrary<String> html() {
		Arbitrary<String> tag = Arbitraries.of("html", "head", "body", "article", "main", "div", "p", "span", "h1",
				"h2", "time", "script", "style", "table", "tr", "td", "a", "img", "meta", "link", "title", "iframe",
				"svg", "template", "noscript", "br", "section", "header", "footer", "nav");
		Arbitrary<String> attribute = Arbitraries.of("", " class=\"news-body\"", " itemprop=\"articleBody\"",
				" datetime=\"2025-13-45T99:99\"", " datetime=\"2025-03-01T10:00:00Z\"", " lang=\"pl\"",
				" property=\"og:title\" content=\"T\"", " rel=\"canonical\" href=\"http://127.0.0.1:" + port + "/\"",
				" href=\"javascript:alert(1)\"", " src=\"http://localhost:" + port + "/x.png\"",
				" type=\"application/ld+json\"", " name=\"author\" content=\"\"", " class=\"date\"", " style=\"x\"");
		Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80),
				Arbitraries.of("1 marca 2025", "2025-03-01", "12.03.2025 10:00", "{\"datePublished\":\"2025-",
						"&amp;&lt;&#0;&#x110000;", "<!--", "]]>", "<![CDATA[", "\u0000", "\uFEFF", "Opublikowano:"));
		Arbitrary<String> element = Combinators.combine(tag, attribute, text, Arbitraries.of(true, false))
			.as((name, attrs, body, closed) -> "<" + name + attrs + ">" + body + (closed ? "</" + name + ">" : ""));
		// Deep nesting is rare and costly; one try in twenty keeps the run short.
		return Arbitraries.frequencyOf(
				Tuple.of(12, element.list().ofMaxSize(40).map((parts) -> String.join("", parts))),
				Tuple.of(7, Arbitraries.strings().ofMaxLength(300)),
				Tuple.of(1, element.list().ofMaxSize(6).map((parts) -> "<div>".repeat(300) + String.join("", parts))));
	}

	// --- feeds and listings -----------------------------------------------------------

	@Property(tries = 10_000)
	void theListingReaderReadsAnyFeedBytesOrSaysWhyNot(@ForAll("feeds") byte[] body, @ForAll("kinds") String kind) {
		Source source = new Source(new SourceDeclaration("fuzz", "Fuzz", kind, true, "PL", "pl",
				List.of("https://www.example.org/feed"), Selectors.NONE, null, 30, true));
		Fetched fetched = new Fetched("https://www.example.org/feed", 200, "application/rss+xml", null, body, null,
				null);
		try {
			assertThat(Listings.read(source, "https://www.example.org/feed", fetched)).isNotNull();
		}
		catch (FetchException unreadable) {
			assertThat(unreadable.getMessage()).isNotBlank();
		}
		assertThat(loopback.connections).hasValue(0);
	}

	@Provide
	Arbitrary<String> kinds() {
		return Arbitraries.of("feed", "feed", "feed", "json-listing", "html-listing");
	}

	@Provide
	Arbitrary<byte[]> feeds() {
		String local = "http://127.0.0.1:" + port;
		Arbitrary<String> prolog = Arbitraries.of("", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
				"<?xml version=\"1.0\" encoding=\"windows-1250\"?>", "<?xml version=\"1.0\" encoding=\"bogus\"?>",
				"<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + local + "/xxe\">]>",
				"<!DOCTYPE rss SYSTEM \"" + local + "/dtd\">",
				"<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>",
				"<?xml-stylesheet href=\"" + local + "/style.xsl\"?>", "\uFEFF");
		Arbitrary<String> field = Arbitraries.of("<title>T</title>", "<link>" + local + "/a</link>",
				"<link>http://2130706433:" + port + "/</link>", "<link>../relative</link>", "<link> </link>",
				"<link>javascript:alert(1)</link>", "<link>http://[::1</link>", "<guid>x</guid>",
				"<pubDate>Mon, 32 Foo 2025</pubDate>", "<pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate>",
				"<description>&lt;p&gt;x</description>", "<category>x</category>", "&xxe;", "&lol2;",
				"<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + local + "/xi\"/>",
				"<content:encoded><![CDATA[<p>x</p>]]></content:encoded>", "<a href=\"" + local + "/h\">x</a>",
				"{\"pages\":[{\"title\":\"x\",\"url\":\"" + local + "/j\"}]}", "\u0000", "<<", "</item>");
		Arbitrary<String> item = field.list()
			.ofMaxSize(8)
			.map((parts) -> "<item>" + String.join("", parts) + "</item>");
		Arbitrary<String> rss = Combinators.combine(prolog, item.list().ofMaxSize(5), Arbitraries.of(true, false))
			.as((head, items, closed) -> head + "<rss version=\"2.0\"><channel><title>F</title>"
					+ String.join("", items) + (closed ? "</channel></rss>" : ""));
		Arbitrary<String> atom = Combinators.combine(prolog, field.list().ofMaxSize(8))
			.as((head, parts) -> head + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>" + String.join("", parts)
					+ "<link href=\"" + local + "/atom\"/></entry></feed>");
		return Arbitraries.oneOf(rss.map((s) -> s.getBytes(StandardCharsets.UTF_8)),
				atom.map((s) -> s.getBytes(StandardCharsets.UTF_8)),
				Arbitraries.bytes().array(byte[].class).ofMaxSize(400),
				Arbitraries.strings().ofMaxLength(200).map((s) -> s.getBytes(StandardCharsets.UTF_8)));
	}

}
