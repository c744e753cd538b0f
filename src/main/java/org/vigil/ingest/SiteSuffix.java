package org.vigil.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The site's own name around a page title ("Minister opens depot - News - Ministry -
 * Example.org"), recognised from what the page says about its site, not from a list of
 * sites: {@code og:site_name}, {@code application-name}, the host's name, and the short
 * section and site labels that sites chain after a separator.
 */
final class SiteSuffix {

	/** A separator between a title and the site's labels: surrounded by spaces. */
	private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—·»>:]\\s+|:\\s+");

	/** A trailing date some sites append to the head title (", 27-Apr.-2017"). */
	private static final Pattern TRAILING_DATE = Pattern.compile(",\\s*\\d{1,2}-\\p{L}{3,4}\\.?-\\d{4}$");

	private static final String SITE_METAS = "meta[property=og:site_name], meta[name=application-name], "
			+ "meta[name=apple-mobile-web-app-title], meta[name=twitter:site], meta[property=twitter:site]";

	/** Labels longer than this many words are taken for part of the title. */
	private static final int LABEL_WORDS = 4;

	/** A title keeps at least this many words when labels are dropped. */
	private static final int TITLE_WORDS = 3;

	private final Set<String> names;

	private SiteSuffix(Set<String> names) {
		this.names = names;
	}

	/** The names a page gives its site, and its host's. */
	static SiteSuffix of(Document doc, String url) {
		Set<String> names = new LinkedHashSet<>();
		for (Element meta : doc.select(SITE_METAS)) {
			String name = key(meta.attr("content").replaceFirst("^@", ""));
			if (!name.isEmpty()) {
				names.add(name);
			}
		}
		String host = host(url);
		if (host != null) {
			names.add(key(host));
			names.add(key(host.substring(0, host.indexOf('.') > 0 ? host.indexOf('.') : host.length())));
		}
		return new SiteSuffix(names);
	}

	/** Whether a text is one of the site's names. */
	boolean isSiteName(String text) {
		return this.names.contains(key(text));
	}

	/**
	 * A metadata title without the site's name before or after a separator; a title that
	 * is all site name stays as it is.
	 */
	String withoutSiteName(String title) {
		List<String> parts = parts(TRAILING_DATE.matcher(title.strip()).replaceAll(""));
		while (parts.size() > 2 && isSiteName(parts.get(parts.size() - 1))) {
			parts = parts.subList(0, parts.size() - 2);
		}
		while (parts.size() > 2 && isSiteName(parts.get(0))) {
			parts = parts.subList(2, parts.size());
		}
		return String.join("", parts).strip();
	}

	/**
	 * A head title without the site's name and without the short section and site labels
	 * chained after it ("- News - Ministry"), as long as a title of a few words remains.
	 */
	String withoutLabels(String title) {
		List<String> parts = parts(withoutSiteName(title));
		while (parts.size() > 2 && !parts.get(parts.size() - 2).strip().startsWith(":")) {
			String last = parts.get(parts.size() - 1);
			List<String> rest = parts.subList(0, parts.size() - 2);
			if (words(last) > LABEL_WORDS || words(String.join("", rest)) < TITLE_WORDS) {
				break;
			}
			parts = rest;
		}
		return String.join("", parts).strip();
	}

	/** Alternating text and separators: text, separator, text, … */
	private static List<String> parts(String title) {
		List<String> parts = new ArrayList<>();
		Matcher m = SEPARATOR.matcher(title);
		int start = 0;
		while (m.find()) {
			if (m.start() == 0 || m.end() == title.length()) {
				continue;
			}
			parts.add(title.substring(start, m.start()));
			parts.add(m.group());
			start = m.end();
		}
		parts.add(title.substring(start));
		return parts;
	}

	private static int words(String text) {
		String stripped = text.strip();
		return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
	}

	private static String host(String url) {
		try {
			String host = (url != null) ? URI.create(url.strip()).getHost() : null;
			return (host != null) ? host.toLowerCase(Locale.ROOT).replaceFirst("^www\\d?\\.", "") : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Case, spaces and punctuation do not tell site names apart ("Example24.pl"). */
	private static String key(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{P}]+", "");
	}

}
