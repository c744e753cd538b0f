package org.vigil.sources;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which URLs Vigil may fetch: http(s) only, and no loopback, private, link-local or
 * multicast addresses (an admin's typo must not make Vigil probe its own network) unless
 * {@code vigil.ingest.allow-private-addresses=true}.
 */
@Component
public class UrlPolicy {

	private final boolean allowPrivate;

	public UrlPolicy(@Value("${vigil.ingest.allow-private-addresses:false}") boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	/**
	 * Checks a URL and throws {@link IllegalArgumentException} saying why it is refused.
	 * @param url the URL
	 * @return the URL as a URI
	 */
	public URI check(String url) {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a valid URL: " + url);
		}
		if (uri.getScheme() == null
				|| !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
				|| uri.getHost() == null) {
			throw new IllegalArgumentException("only http(s) URLs with a host can be fetched: " + url);
		}
		if (!this.allowPrivate) {
			try {
				for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
					if (isPrivate(address)) {
						throw new IllegalArgumentException(
								"refusing a private or loopback address (" + address.getHostAddress() + ") for " + url
										+ "; set vigil.ingest.allow-private-addresses=true to allow it");
					}
				}
			}
			catch (UnknownHostException ex) {
				// Not resolvable now (DNS down, offline): the fetch will say so; there is
				// no
				// address to refuse.
			}
		}
		return uri;
	}

	static boolean isPrivate(InetAddress address) {
		byte[] bytes = address.getAddress();
		boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
		return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierNat;
	}

}
