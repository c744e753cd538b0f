package org.vigil.items;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key per statement, whatever URL it was reached by: a source's own id where the URL
 * carries one, by the rules its sources declare ({@code canonical_key} in
 * {@code db/sources/sources.yaml}: a DoD article id, a NATO path, a BMVg trailing id, a
 * MApN release number), otherwise the URL without tracking parameters, fragment, default
 * port or trailing slash.
 */
public final class CanonicalKeys {

	/** Keys from the URL alone, with no source's rules. */
	public static final CanonicalKeys URL_ONLY = new CanonicalKeys(List.of());

	private static final Pattern GROUP = Pattern.compile("\\$(\\d)");

	private static final Pattern TRACKING = Pattern
		.compile("(?i)^(utm_.*|fbclid|gclid|mc_cid|mc_eid|yclid|_ga|ref|cmpid|selectedlocale|at_medium|at_campaign)$");

	/**
	 * Where {@code match} is found in a URL's lower-case host and its path
	 * ({@code www.example.org/news/news_1.htm}), the key is {@code key} with {@code $1}…
	 * replaced by the groups, in lower case.
	 */
	public record Rule(Pattern match, String key) {

		String apply(String hostAndPath) {
			Matcher m = this.match.matcher(hostAndPath);
			if (!m.find()) {
				return null;
			}
			Matcher group = GROUP.matcher(this.key);
			StringBuilder key = new StringBuilder();
			while (group.find()) {
				int n = Integer.parseInt(group.group(1));
				String value = (n <= m.groupCount() && m.group(n) != null) ? m.group(n) : "";
				group.appendReplacement(key, Matcher.quoteReplacement(value));
			}
			group.appendTail(key);
			return key.toString().toLowerCase(Locale.ROOT);
		}

	}

	private final List<Rule> rules;

	public CanonicalKeys(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/**
	 * The key of a page.
	 * @param url where it was fetched
	 * @param canonicalUrl its {@code rel=canonical}, or null
	 */
	public String of(String url, String canonicalUrl) {
		String chosen = url;
		if (canonicalUrl != null && canonicalUrl.matches("(?i)^https?://.+") && sameSite(url, canonicalUrl)) {
			chosen = canonicalUrl;
		}
		return ofUrl(chosen);
	}

	String ofUrl(String url) {
		URI uri;
		try {
			uri = URI.create(url.strip().replace(" ", "%20"));
		}
		catch (IllegalArgumentException ex) {
			return url.strip();
		}
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		for (Rule rule : this.rules) {
			String key = rule.apply(host + path);
			if (key != null) {
				return key;
			}
		}
		return normalise(uri);
	}

	/** The URL without tracking parameters, fragment, default port or trailing slash. */
	public static String normalise(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "http";
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
				|| (scheme.equals("https") && port == 443);
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		if (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		List<String> kept = new ArrayList<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				String name = pair.split("=", 2)[0];
				if (!pair.isEmpty() && !TRACKING.matcher(name).matches()) {
					kept.add(pair);
				}
			}
		}
		kept.sort(null);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
				+ (kept.isEmpty() ? "" : "?" + String.join("&", kept));
	}

	private static boolean sameSite(String a, String b) {
		try {
			String hostA = URI.create(a).getHost();
			String hostB = URI.create(b).getHost();
			return hostA != null && hostB != null && registrable(hostA).equals(registrable(hostB));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String registrable(String host) {
		String[] parts = host.toLowerCase(Locale.ROOT).split("\\.");
		return (parts.length <= 2) ? host.toLowerCase(Locale.ROOT)
				: parts[parts.length - 2] + "." + parts[parts.length - 1];
	}

}
