package org.vigil.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import org.vigil.items.ItemDraft;
import org.vigil.items.ItemStore;
import org.vigil.sources.Source;

/**
 * From fetched bytes to a stored item: decode, extract with the source's rules, check the
 * date, and store with the raw capture.
 */
@Component
class Ingestor {

	private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

	private static final Set<String> TEXT_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");

	private final ItemStore items;

	private final Clock clock;

	private final SiteRuleHealth siteRules;

	private final SourceKeyRules keyRules;

	Ingestor(ItemStore items, Clock clock, SiteRuleHealth siteRules, SourceKeyRules keyRules) {
		this.keyRules = keyRules;
		this.items = items;
		this.clock = clock;
		this.siteRules = siteRules;
	}

	/** Refuses what is not a page: PDFs, images, archives. */
	static void requirePage(Fetched fetched) {
		if (fetched.contentType() != null && !TEXT_TYPES.contains(fetched.contentType())) {
			throw new FetchException("not an HTML page (" + fetched.contentType() + ") at " + fetched.url());
		}
	}

	Extraction extract(Source source, String url, byte[] body, String headerCharset, Hints hints) {
		Charsets.Decoded decoded = Charsets.decode(body, headerCharset, source.language());
		Hints known = (hints.type() == null && source.settings().type() != null)
				? new Hints(hints.title(), hints.published(), hints.author(), source.settings().type(), hints.summary())
				: hints;
		Extraction extraction = Extractor.extract(url, decoded.text(), source.selectors(), known, source.zone(),
				source.language());
		this.siteRules.record(source, url, extraction);
		return extraction;
	}

	/**
	 * Stores an extraction.
	 * @param keyOverride a source id key ({@code govuk:<content_id>}), or null for the
	 * URL
	 * @param problems where to note a doubtful date
	 */
	ItemStore.Stored store(Source source, String url, Extraction extraction, String keyOverride,
			ItemDraft.RawCapture capture, StringBuilder problems) {
		return store(source, url, extraction, keyOverride, capture, problems, null, null);
	}

	ItemStore.Stored store(Source source, String url, Extraction extraction, String keyOverride,
			ItemDraft.RawCapture capture, StringBuilder problems, Instant withdrawnAt, String withdrawnNote) {
		PublishedDate published = extraction.published();
		Instant now = this.clock.instant();
		if (published != null && published.instant().isAfter(now.plus(Duration.ofDays(2)))) {
			note(problems, "future date '" + published.raw() + "' ignored at " + url);
			log.warn("source={} url={} future date '{}' ignored", source.key(), url, published.raw());
			published = new PublishedDate(null, published.precision(), published.raw());
		}
		if (extraction.bodyText().isBlank() && extraction.title().isBlank()) {
			throw new FetchException("no title and no text could be extracted from " + url);
		}
		String key = (keyOverride != null) ? keyOverride : keyOf(url, extraction.canonicalUrl());
		String title = extraction.title().isBlank() ? Extractor.titleFromUrl(url) : extraction.title();
		boolean partial = extraction.partial() && (source.settings().paywall() || source.kind().equals("manual"))
				|| extraction.partial() && extraction.bodyText().length() < 600 || extraction.partialReason() != null;
		ItemDraft draft = new ItemDraft(source.id(), key, url, truncate(title, 1000), extraction.type(),
				extraction.language(), truncate(extraction.author(), 300),
				(published != null) ? published.instant() : null,
				(published != null && published.instant() != null) ? published.precision().label() : null,
				(published != null) ? truncate(published.raw(), 200) : null, null, extraction.bodyHtml(),
				extraction.bodyText(), partial, withdrawnAt, withdrawnNote, capture);
		ItemStore.Stored stored = this.items.store(draft);
		this.items.notePartialReason(stored.itemId(), extraction.partialReason());
		return stored;
	}

	/**
	 * The item key of a page, by every source's key rules (see {@link SourceKeyRules}).
	 */
	String keyOf(String url, String canonicalUrl) {
		return this.keyRules.keys().of(url, canonicalUrl);
	}

	ItemStore.Stored store(ItemDraft draft) {
		return this.items.store(draft);
	}

	static void note(StringBuilder problems, String problem) {
		if (problems == null) {
			return;
		}
		synchronized (problems) {
			// Several listings of one host fail alike (robots.txt, a refused connection):
			// one mention is enough.
			if (problems.length() < 1500 && problems.indexOf(problem) < 0) {
				problems.append(problems.isEmpty() ? "" : "; ").append(problem);
			}
		}
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
