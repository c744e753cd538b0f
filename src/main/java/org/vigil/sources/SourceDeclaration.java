package org.vigil.sources;

import java.util.List;

/**
 * A source as declared in YAML ({@code db/sources/sources.yaml}, {@code source import}),
 * on the command line or in the admin form: everything but its crawl status. Its rules
 * are checked by the {@link Source} that takes it.
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
 * @param settings how to read it beyond the selectors
 * @param scheduleMinutes minutes between checks
 * @param enabled whether it is crawled
 */
public record SourceDeclaration(String key, String name, String kind, boolean official, String country, String language,
		List<String> urls, Selectors selectors, SourceSettings settings, int scheduleMinutes, boolean enabled) {

	public SourceDeclaration {
		urls = (urls != null) ? List.copyOf(urls) : List.of();
		selectors = (selectors != null) ? selectors : Selectors.NONE;
		settings = (settings != null) ? settings : SourceSettings.NONE;
	}

}
