package org.vigil.sources;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict URL parser and the address check, case by case. */
class UrlPolicyTest {

	private final UrlPolicy policy = new UrlPolicy(false);

	@ParameterizedTest(name = "refused: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			http://127.0.0.1:8080%2fsecret%3fx=@93.184.216.34/ | user info
			http://example.org%2f@93.184.216.34/               | user info
			http://example.org%2f.evil/                        | percent-encoding
			http://user@example.org/                           | user info
			http://user:pw@example.org/                        | user info
			http://2130706433/                                 | four decimal numbers
			http://0x7f.1/                                     | four decimal numbers
			http://0x7f000001/                                 | four decimal numbers
			http://0177.0.0.1/                                 | four decimal numbers
			http://127.1/                                      | four decimal numbers
			http://127.0.0.01/                                 | four decimal numbers
			http://256.0.0.1/                                  | four decimal numbers
			http://1.2.3.4.5/                                  | four decimal numbers
			http://[::ffff:127.0.0.1]/                         | IPv4-mapped
			http://[::ffff:7f00:1]/                            | IPv4-mapped
			http://[::127.0.0.1]/                              | IPv4-mapped
			http://[64:ff9b::7f00:1]/                          | IPv4-mapped
			http://[2002:7f00:1::]/                            | IPv4-mapped
			http://[::1/                                       | unclosed
			file:///etc/passwd                                 | only http(s)
			ftp://example.org/                                 | only http(s)
			gopher://example.org/                              | only http(s)
			javascript:alert(1)                                | only http(s)
			//example.org/                                     | only http(s)
			http:///path                                       | with a host
			http://exa mple.org/                               | space
			http://example.org\\@evil.org/                     | backslash
			http://example.org:0/                              | port
			http://example.org:65536/                          | port
			http://example.org:80x/                            | port
			http://exa_mple..org/                              | host name
			http://-example.org/                               | host name
			http://sub_domain.example.org/                     | host name
			""")
	void refuses(String url, String reason) {
		assertThatThrownBy(() -> this.policy.parse(url)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(reason);
	}

	@ParameterizedTest(name = "accepted: {0}")
	@ValueSource(strings = { "https://www.gov.uk/search/news-and-communications.atom",
			"https://www.nato.int/cps/en/natohq/news.htm?selectedLocale=en#top", "http://93.184.216.34:8080/a?b=c",
			"HTTPS://WWW.Defence24.PL/_rss", "https://www.bmvg.de/service/rss", "http://[2001:db8::1]:8080/x",
			"https://www.gov.pl/web/obrona-narodowa/aktualnosci?page=2&size=10" })
	void accepts(String url) {
		assertThat(this.policy.parse(url).getHost()).isNotBlank();
	}

	@Test
	void internationalHostNamesBecomePunycodeAndTheFragmentIsDropped() {
		assertThat(this.policy.parse("https://ministère.example/actualités?x=1#frag"))
			.hasToString("https://xn--ministre-60a.example/actualit%C3%A9s?x=1");
	}

	@Test
	void theHostIsTheOneTheUrlNamesAndTheTrailingDotIsDropped() {
		assertThat(this.policy.parse("http://Example.ORG.:8080/p").toString()).isEqualTo("http://example.org:8080/p");
	}

	@ParameterizedTest(name = "not permitted: {0}")
	@ValueSource(strings = { "127.0.0.1", "127.255.0.1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254",
			"100.64.0.1", "0.0.0.0", "0.1.2.3", "192.0.0.1", "198.18.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255",
			"::1", "::", "fc00::1", "fe80::1", "fec0::1", "ff02::1", "64:ff9b::a00:1", "2002:7f00:1::",
			"::f:fff:7f00:1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1" })
	void privateAddressesAreNotPermitted(String address) throws Exception {
		assertThat(this.policy.permits(InetAddress.getByName(address))).isFalse();
		assertThat(new UrlPolicy(true).permits(InetAddress.getByName(address))).isTrue();
	}

	@Test
	void publicAddressesArePermittedAndListedOnesToo() throws Exception {
		assertThat(this.policy.permits(InetAddress.getByName("93.184.216.34"))).isTrue();
		assertThat(this.policy.permits(InetAddress.getByName("2001:4860:4860::8888"))).isTrue();
		UrlPolicy intranet = new UrlPolicy(false, List.of("10.1.2.3"));
		assertThat(intranet.permits(InetAddress.getByName("10.1.2.3"))).isTrue();
		assertThat(intranet.permits(InetAddress.getByName("10.1.2.4"))).isFalse();
		assertThatThrownBy(() -> new UrlPolicy(false, List.of("intranet.local")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("IP addresses, not names");
	}

}
