package org.vigil.sources;

import java.util.List;
import java.util.Map;

/**
 * A source as declared in YAML ({@code db/sources/sources.yaml}, {@code source import})
 * or on the command line: everything but its crawl status.
 *
 * @param key stable slug
 * @param name display name
 * @param kind feed, json-listing or html-listing (manual for imported files, synthetic
 * for demo data)
 * @param official false for media
 * @param country ISO 3166-1 code of the publisher, or null
 * @param language default ISO 639-1 language of its items
 * @param urls feeds or listing pages
 * @param selectors site rules for article pages
 * @param settings kind-specific options
 * @param scheduleMinutes minutes between checks
 * @param enabled whether it is crawled
 */
public record SourceDeclaration(String key, String name, String kind, boolean official, String country, String language,
		List<String> urls, Selectors selectors, Map<String, Object> settings, int scheduleMinutes, boolean enabled) {

	public static final List<String> KINDS = List.of("feed", "json-listing", "html-listing", "manual", "synthetic");

	public SourceDeclaration {
		urls = (urls != null) ? List.copyOf(urls) : List.of();
		selectors = (selectors != null) ? selectors : Selectors.NONE;
		settings = (settings != null) ? Map.copyOf(settings) : Map.of();
		scheduleMinutes = (scheduleMinutes > 0) ? scheduleMinutes : 30;
		if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			throw new IllegalArgumentException("source key must be a lower-case slug: " + key);
		}
		if (!KINDS.contains(kind)) {
			throw new IllegalArgumentException("source " + key + ": kind must be one of " + KINDS + ", not " + kind);
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("source " + key + ": a name is required");
		}
	}

}
