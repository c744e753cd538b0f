package org.vigil.digest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.vigil.shared.SiteProperties;
import org.vigil.timeline.TimelineSearch;

/**
 * Gathers a user's digest: for each saved search the items Vigil first saw in the week,
 * the top N with a count of the rest, and the week's most-named entities. Results are
 * shared through a {@link Cache} for the length of a run: users who saved the same filter
 * and are due at the same instant get the same items from one query.
 */
@Component
class DigestComposer {

	private final TimelineSearch search;

	private final DigestStore store;

	private final SiteProperties site;

	private final DigestProperties properties;

	private final UnsubscribeTokens tokens;

	DigestComposer(TimelineSearch search, DigestStore store, SiteProperties site, DigestProperties properties,
			UnsubscribeTokens tokens) {
		this.search = search;
		this.store = store;
		this.site = site;
		this.properties = properties;
		this.tokens = tokens;
	}

	/** What a saved filter matched in a week. */
	record Found(TimelineSearch.Checked checked, List<TimelineSearch.Match> top, long total) {

	}

	private record Key(String parameters, Instant since, Instant until) {

	}

	/** Query results of one run, shared between its users and threads. */
	static final class Cache {

		private final Map<Key, Found> found = new ConcurrentHashMap<>();

		private final Map<Key, List<DigestStore.EntityCount>> entities = new ConcurrentHashMap<>();

	}

	Digest compose(DigestStore.Recipient recipient, List<DigestStore.SavedSearch> searches, Instant since,
			Instant until, Cache cache) {
		DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(recipient.locale())
			.withZone(recipient.zone());
		DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(recipient.locale());
		List<Digest.Section> sections = new ArrayList<>();
		for (DigestStore.SavedSearch saved : searches) {
			Found found = cache.found.computeIfAbsent(new Key(saved.parameters(), since, until), this::find);
			Set<String> wanted = found.checked().entityKeys();
			List<Digest.ItemLine> items = new ArrayList<>();
			for (TimelineSearch.Match match : found.top()) {
				List<Digest.ChipLine> chips = match.entities()
					.stream()
					.sorted(Comparator.comparing((TimelineSearch.Chip chip) -> !wanted.contains(chip.ref())))
					.map((chip) -> new Digest.ChipLine(chip.name(), this.site.absolute(chip.href()),
							wanted.contains(chip.ref())))
					.toList();
				String when;
				if (match.publishedAt() == null) {
					when = dateTime.format(match.firstSeenAt());
				}
				else if (match.dateOnly()) {
					// a date without a time is a calendar date of the source, not an
					// instant
					when = date.format(match.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate());
				}
				else {
					when = dateTime.format(match.publishedAt());
				}
				items.add(new Digest.ItemLine(match.title(), this.site.absolute(match.href()), match.sourceName(), when,
						chips));
			}
			sections.add(new Digest.Section(saved.name(), found.checked().description(),
					this.site.absolute(found.checked().timelineUrl()), found.total(), items,
					found.total() - items.size()));
		}
		List<Digest.EntityLine> top = cache.entities
			.computeIfAbsent(new Key("", since, until),
					(key) -> this.store.topEntities(since, until, this.properties.topEntities()))
			.stream()
			.map((entity) -> new Digest.EntityLine(entity.name(),
					this.site.absolute(new TimelineSearch.Chip(entity.type(), entity.key(), entity.name()).href()),
					entity.items()))
			.toList();
		String period = date.format(since.atZone(recipient.zone()).toLocalDate()) + " \u2013 "
				+ date.format(until.atZone(recipient.zone()).toLocalDate());
		return new Digest(recipient.name(), period, sections, top,
				this.site.absolute("/unsubscribe/" + this.tokens.token(recipient.id())),
				this.site.absolute("/settings"), this.site.absolute("/"));
	}

	private Found find(Key key) {
		TimelineSearch.Checked checked = this.search.check(key.parameters());
		int limit = this.properties.topPerSearch();
		List<TimelineSearch.Match> top = this.search.firstSeen(key.parameters(), key.since(), key.until(), limit);
		// Counting is a second query; fewer matches than the limit are already the count.
		long total = (top.size() < limit) ? top.size()
				: this.search.countFirstSeen(key.parameters(), key.since(), key.until());
		return new Found(checked, top, total);
	}

}
