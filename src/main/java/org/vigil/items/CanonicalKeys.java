package org.vigil.items;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key per statement, whatever URL it was reached by: a source's own id where the URL
 * carries one (DoD article id, NATO path or old numeric id, BMVg trailing id, MApN
 * release number), otherwise the URL without tracking parameters, fragment, default port
 * or trailing slash.
 */
public final class CanonicalKeys {

	private static final Pattern DOD = Pattern.compile("(?i)^(?:www\\.)?(?:defense|war)\\.gov$");

	private static final Pattern DOD_ARTICLE = Pattern.compile("(?i)/Article/(?:Article/)?(\\d{4,})(?:/|$)");

	private static final Pattern NATO_OLD = Pattern.compile("(?i)/cps/\\w+/(?:natohq|natolive)/\\w+?_(\\d+)\\.htm");

	private static final Pattern BMVG_ID = Pattern.compile("-(\\d{6,8})/?$");

	private static final Pattern MAPN_NUMBER = Pattern.compile("^/cpresa/(\\d+)_");

	private static final Pattern TRACKING = Pattern
		.compile("(?i)^(utm_.*|fbclid|gclid|mc_cid|mc_eid|yclid|_ga|ref|cmpid|selectedlocale|at_medium|at_campaign)$");

	private CanonicalKeys() {
	}

	/**
	 * The key of a page.
	 * @param url where it was fetched
	 * @param canonicalUrl its {@code rel=canonical}, or null
	 */
	public static String of(String url, String canonicalUrl) {
		String chosen = url;
		if (canonicalUrl != null && canonicalUrl.matches("(?i)^https?://.+") && sameSite(url, canonicalUrl)) {
			chosen = canonicalUrl;
		}
		return ofUrl(chosen);
	}

	static String ofUrl(String url) {
		URI uri;
		try {
			uri = URI.create(url.strip().replace(" ", "%20"));
		}
		catch (IllegalArgumentException ex) {
			return url.strip();
		}
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		if (DOD.matcher(host).matches()) {
			Matcher m = DOD_ARTICLE.matcher(path);
			if (m.find()) {
				return "dod:" + m.group(1);
			}
		}
		if (host.endsWith("nato.int")) {
			Matcher m = NATO_OLD.matcher(path);
			if (m.find()) {
				return "nato:" + m.group(1);
			}
			String plain = path.replaceAll("^/content/nato", "").replaceAll("\\.html$", "").replaceAll("/+$", "");
			if (plain.contains("/news-and-events/") || plain.contains("/official-texts")) {
				return "nato:" + plain.toLowerCase(Locale.ROOT);
			}
		}
		if (host.endsWith("bmvg.de")) {
			Matcher m = BMVG_ID.matcher(path);
			if (m.find()) {
				return "bmvg:" + m.group(1);
			}
		}
		if (host.endsWith("mapn.ro")) {
			Matcher m = MAPN_NUMBER.matcher(path);
			if (m.find()) {
				return "mapn:" + host.replaceAll("^www\\.", "") + ":" + m.group(1);
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
