package org.vigil.sources;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which URLs Vigil may fetch: http(s) only, written plainly (no user info, no
 * percent-encoded or numeric-trick hosts), and no loopback, private, link-local or
 * multicast addresses (an admin's typo or a hostile feed must not make Vigil probe its
 * own network) unless {@code vigil.ingest.allow-private-addresses=true} or the address is
 * listed in {@code vigil.ingest.allowed-addresses}.
 * <p>
 * {@link #parse} is the syntax half and never resolves a name; {@link #permits} is the
 * address half, which the outbound client applies to every address it connects to.
 */
@Component
public class UrlPolicy {

	/**
	 * Labels a host name may have: letters, digits, hyphens (java.net.URI, like RFC
	 * 3986's host names, has no host at all with an underscore).
	 */
	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	/** A label that a browser would read as a number, making the host an IPv4 address. */
	private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");

	private final boolean allowPrivate;

	private final Set<InetAddress> allowed;

	public UrlPolicy(boolean allowPrivate) {
		this(allowPrivate, List.of());
	}

	@Autowired
	public UrlPolicy(@Value("${vigil.ingest.allow-private-addresses:false}") boolean allowPrivate,
			@Value("${vigil.ingest.allowed-addresses:}") List<String> allowedAddresses) {
		this.allowPrivate = allowPrivate;
		this.allowed = new HashSet<>();
		for (String literal : allowedAddresses) {
			if (literal.isBlank()) {
				continue;
			}
			if (!DOTTED_QUAD.matcher(literal.strip()).matches() && !literal.contains(":")) {
				throw new IllegalArgumentException(
						"vigil.ingest.allowed-addresses takes IP addresses, not names: " + literal);
			}
			try {
				this.allowed.add(InetAddress.getByName(literal.strip()));
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException("vigil.ingest.allowed-addresses: not an IP address: " + literal);
			}
		}
	}

	/**
	 * Checks a URL and the addresses its host has now, and throws
	 * {@link IllegalArgumentException} saying why it is refused. For forms and commands:
	 * an early, friendly answer. The fetch itself checks again the address it connects
	 * to.
	 * @param url the URL
	 * @return the URL as a URI
	 */
	public URI check(String url) {
		URI uri = parse(url);
		try {
			for (InetAddress address : InetAddress.getAllByName(hostForLookup(uri))) {
				if (!permits(address)) {
					throw refused(address, url);
				}
			}
		}
		catch (UnknownHostException ex) {
			// Not resolvable now (DNS down, offline): the fetch will say so; there is no
			// address to refuse.
		}
		return uri;
	}

	/**
	 * Reads a URL strictly, without resolving anything: http(s), a plain host name or a
	 * canonical IP address, an optional port, no user info. Forms that parsers disagree
	 * on ({@code %2f} or {@code @} in the authority, {@code http://2130706433/},
	 * {@code http://0x7f.1/}, {@code http://0177.0.0.1/}, IPv4-mapped IPv6) are refused,
	 * whatever address they would name: a URL that means one host here and another in a
	 * library is how an address check is walked around.
	 * @param url the URL
	 * @return the URL as a URI whose host is what will be resolved and connected to
	 * @throws IllegalArgumentException saying why the URL is refused
	 */
	public URI parse(String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("empty URL");
		}
		String text = url.strip();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= ' ' || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
				throw new IllegalArgumentException("URL contains a space, control character or backslash: " + url);
			}
		}
		int colon = text.indexOf("://");
		String scheme = (colon > 0) ? text.substring(0, colon).toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException("only http(s) URLs can be fetched: " + url);
		}
		int authorityStart = colon + 3;
		int authorityEnd = authorityStart;
		while (authorityEnd < text.length() && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
			authorityEnd++;
		}
		String authority = text.substring(authorityStart, authorityEnd);
		if (authority.contains("@")) {
			throw new IllegalArgumentException("URLs with user info (user@host) are refused: " + url);
		}
		if (authority.contains("%")) {
			throw new IllegalArgumentException("percent-encoding in a URL's host is refused: " + url);
		}
		String host;
		String port = null;
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			if (close < 0) {
				throw new IllegalArgumentException("unclosed IPv6 address in " + url);
			}
			host = authority.substring(0, close + 1);
			String rest = authority.substring(close + 1);
			if (!rest.isEmpty()) {
				if (!rest.startsWith(":")) {
					throw new IllegalArgumentException("not a valid URL: " + url);
				}
				port = rest.substring(1);
			}
			checkIpv6Literal(host.substring(1, host.length() - 1), url);
		}
		else {
			int portColon = authority.indexOf(':');
			host = (portColon >= 0) ? authority.substring(0, portColon) : authority;
			port = (portColon >= 0) ? authority.substring(portColon + 1) : null;
			host = checkHostName(host, url);
		}
		if (port != null) {
			if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
				throw new IllegalArgumentException("not a valid port in " + url);
			}
		}
		String rest = text.substring(authorityEnd);
		int hash = rest.indexOf('#');
		if (hash >= 0) {
			rest = rest.substring(0, hash);
		}
		String rebuilt = scheme + "://" + host + ((port != null) ? ":" + Integer.parseInt(port) : "") + rest;
		URI uri;
		try {
			// ASCII only, as it goes on the wire: non-ASCII in the path is
			// percent-encoded.
			uri = new URI(new URI(rebuilt).toASCIIString());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalArgumentException("not a valid URL: " + url);
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException("only http(s) URLs with a host can be fetched: " + url);
		}
		return uri;
	}

	/** Lower-cases, converts an international name to ASCII, refuses numeric tricks. */
	private static String checkHostName(String host, String url) {
		if (host.isEmpty()) {
			throw new IllegalArgumentException("only http(s) URLs with a host can be fetched: " + url);
		}
		String ascii = host.toLowerCase(Locale.ROOT);
		if (!ascii.chars().allMatch((c) -> c < 0x80)) {
			try {
				ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("not a valid host name in " + url);
			}
		}
		String name = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
		if (name.isEmpty() || name.length() > 253) {
			throw new IllegalArgumentException("not a valid host name in " + url);
		}
		String[] labels = name.split("\\.", -1);
		if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
			// WHATWG URL parsing reads such a host as an IPv4 number (127.1, 2130706433,
			// 0x7f.1, 0177.0.0.1): only the plain dotted quad means one thing everywhere.
			if (!DOTTED_QUAD.matcher(name).matches()) {
				throw new IllegalArgumentException(
						"IP addresses must be written as four decimal numbers (a.b.c.d): " + url);
			}
			return name;
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				throw new IllegalArgumentException("not a valid host name in " + url);
			}
		}
		// Without the root's trailing dot: the same name, and what TLS (SNI) accepts.
		return name;
	}

	private static void checkIpv6Literal(String literal, String url) {
		if (!literal.matches("[0-9a-fA-F:.]+") || !literal.contains(":")) {
			throw new IllegalArgumentException("not a valid IPv6 address in " + url);
		}
		InetAddress address;
		try {
			address = InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("not a valid IPv6 address in " + url);
		}
		// The JDK turns ::ffff:a.b.c.d into an IPv4 address; either way the URL names an
		// IPv4 host in disguise.
		if (address instanceof Inet4Address || NonPublicAddresses.embedsIpv4((Inet6Address) address)) {
			throw new IllegalArgumentException("IPv4-mapped or -compatible IPv6 addresses are refused: " + url);
		}
	}

	/**
	 * Whether Vigil may connect to this address.
	 * @param address an address a host name resolved to, or a literal
	 * @return false for loopback, private, link-local, multicast and other non-public
	 * ranges, unless private addresses are allowed or this one is listed
	 */
	public boolean permits(InetAddress address) {
		return this.allowPrivate || this.allowed.contains(address) || !NonPublicAddresses.contains(address);
	}

	/**
	 * The error for an address that {@link #permits} refuses.
	 * @param address the address
	 * @param url the URL being fetched
	 * @return an exception whose message says what to do
	 */
	public static IllegalArgumentException refused(InetAddress address, String url) {
		return new IllegalArgumentException("refusing a private or loopback address (" + address.getHostAddress()
				+ ") for " + url + "; set vigil.ingest.allow-private-addresses=true to allow it");
	}

	/** The host as a resolver wants it: IPv6 literals without their brackets. */
	public static String hostForLookup(URI uri) {
		String host = uri.getHost();
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
