package org.vigil.shared;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Vigil is reached ({@code vigil.site.*}).
 *
 * @param baseUrl the public address of this Vigil, used for absolute links in e-mails and
 * feeds (e.g. https://vigil.example.org); without a trailing slash
 * @param allowedHosts other host names by which this Vigil is reached and which may
 * appear in absolute redirects; any other host a request names is never echoed back
 */
@ConfigurationProperties("vigil.site")
public record SiteProperties(@DefaultValue("http://localhost:8080") URI baseUrl,
		@DefaultValue List<String> allowedHosts) {

	/** The absolute URL of a path such as {@code /items/42}. */
	public String absolute(String path) {
		String base = this.baseUrl.toString();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + (path.startsWith("/") ? path : "/" + path);
	}

}
