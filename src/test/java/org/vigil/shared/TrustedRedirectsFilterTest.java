package org.vigil.shared;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which redirect locations keep their host, and what is left of those that do not. */
class TrustedRedirectsFilterTest {

	private final TrustedRedirectsFilter filter = new TrustedRedirectsFilter(
			new SiteProperties(URI.create("https://vigil.example.org"), List.of("intranet.example.net")));

	@Test
	void pathsStayAsTheyAre() {
		assertThat(this.filter.trusted("/login?error")).isEqualTo("/login?error");
		assertThat(this.filter.trusted("/?q=a%20b#top")).isEqualTo("/?q=a%20b#top");
		assertThat(this.filter.trusted("searches")).isEqualTo("searches");
	}

	@Test
	void theBaseUrlsHostAndTheAllowedHostsKeepTheirAbsoluteUrls() {
		assertThat(this.filter.trusted("https://vigil.example.org/items/1"))
			.isEqualTo("https://vigil.example.org/items/1");
		assertThat(this.filter.trusted("http://INTRANET.example.net:8080/login"))
			.isEqualTo("http://INTRANET.example.net:8080/login");
	}

	@Test
	void anyOtherHostIsDroppedAndOnlyThePathKept() {
		assertThat(this.filter.trusted("http://evil.example/settings?continue")).isEqualTo("/settings?continue");
		assertThat(this.filter.trusted("https://evil.example:8443")).isEqualTo("/");
		assertThat(this.filter.trusted("http://evil.example//other.example/x")).isEqualTo("/");
		assertThat(this.filter.trusted("javascript:alert(1)")).isEqualTo("/");
	}

	@Test
	void protocolRelativeLocationsAreNotPaths() {
		assertThat(this.filter.trusted("//evil.example/x")).isEqualTo("/");
		assertThat(this.filter.trusted("/\\evil.example/x")).isEqualTo("/");
	}

}
