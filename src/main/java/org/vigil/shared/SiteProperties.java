package org.vigil.shared;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Vigil is reached ({@code vigil.site.*}).
 *
 * @param baseUrl the public address of this Vigil, used for absolute links in e-mails and
 * feeds (e.g. https://vigil.example.org); without a trailing slash
 */
@ConfigurationProperties("vigil.site")
public record SiteProperties(@DefaultValue("http://localhost:8080") URI baseUrl) {

	/** The absolute URL of a path such as {@code /items/42}. */
	public String absolute(String path) {
		String base = this.baseUrl.toString();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + (path.startsWith("/") ? path : "/" + path);
	}

}
