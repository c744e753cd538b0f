package org.vigil.digest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.vigil.shared.SiteProperties;
import org.vigil.timeline.TimelineSearch;

/**
 * Gathers a user's digest: for each saved search the items Vigil first saw in the week
 * (by first-seen time: an item published long ago but new to Vigil is new, an old item
 * updated this week is not), the top N with a snippet and at most five entities, a count
 * of the rest, the total of distinct items, and the week's most-named entities. Results
 * are shared through a {@link Cache} for the length of a run: users who saved the same
 * filter and are due at the same instant get the same items from one query.
 */
@Component
class DigestComposer {

	/** Entities listed per item. */
	static final int ENTITIES_PER_ITEM = 5;

	private final TimelineSearch search;

	private final DigestContentQueries content;

	private final SiteProperties site;

	private final DigestProperties properties;

	private final UnsubscribeTokens tokens;

	DigestComposer(TimelineSearch search, DigestContentQueries content, SiteProperties site,
			DigestProperties properties, UnsubscribeTokens tokens) {
		this.search = search;
		this.content = content;
		this.site = site;
		this.properties = properties;
		this.tokens = tokens;
	}

	/** A listed item with its snippet and its entities by salience. */
	record Listed(TimelineSearch.Match match, String snippet, List<DigestContentQueries.Named> entities) {

	}

	/** What a saved filter matched in a week. */
	record Found(TimelineSearch.Checked checked, List<Listed> top, long total) {

	}

	private record Key(String parameters, Instant since, Instant until) {

	}

	/** Query results of one run, shared between its users and threads. */
	static final class Cache {

		private final Map<Key, Found> found = new ConcurrentHashMap<>();

		private final Map<Key, long[]> ids = new ConcurrentHashMap<>();

		private final Map<Key, List<DigestContentQueries.EntityCount>> entities = new ConcurrentHashMap<>();

	}

	Digest compose(DigestContentQueries.Recipient recipient, List<DigestContentQueries.SavedSearch> searches,
			Instant since, Instant until, Cache cache) {
		DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(recipient.locale())
			.withZone(recipient.zone());
		DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(recipient.locale());
		List<Digest.Section> sections = new ArrayList<>();
		List<Key> keys = new ArrayList<>();
		List<Found> founds = new ArrayList<>();
		for (DigestContentQueries.SavedSearch saved : searches) {
			Key key = new Key(saved.parameters(), since, until);
			Found found = cache.found.computeIfAbsent(key, this::find);
			keys.add(key);
			founds.add(found);
			Set<String> wanted = found.checked().entityKeys();
			List<Digest.ItemLine> items = new ArrayList<>();
			for (Listed listed : found.top()) {
				TimelineSearch.Match match = listed.match();
				List<Digest.ChipLine> chips = listed.entities()
					.stream()
					// a stable sort: the searched-for entities first, each part
					// by salience
					.sorted(Comparator.comparing((DigestContentQueries.Named named) -> !wanted.contains(named.ref())))
					.limit(ENTITIES_PER_ITEM)
					.map((named) -> new Digest.ChipLine(named.name(),
							this.site.absolute(new TimelineSearch.Chip(named.type(), named.key(), named.name()).href()),
							wanted.contains(named.ref())))
					.toList();
				items.add(new Digest.ItemLine(match.title(), this.site.absolute(match.href()), match.sourceName(),
						when(match, dateTime, date), listed.snippet(), chips));
			}
			sections.add(new Digest.Section(saved.name(), found.checked().description(),
					this.site.absolute(found.checked().timelineUrl()), found.total(), items,
					found.total() - items.size()));
		}
		List<Digest.EntityLine> top = cache.entities
			.computeIfAbsent(new Key("", since, until),
					(key) -> this.content.topEntities(since, until, this.properties.topEntities()))
			.stream()
			.map((entity) -> new Digest.EntityLine(entity.name(),
					this.site.absolute(new TimelineSearch.Chip(entity.type(), entity.key(), entity.name()).href()),
					entity.items()))
			.toList();
		String period = date.format(since.atZone(recipient.zone()).toLocalDate()) + " \u2013 "
				+ date.format(until.atZone(recipient.zone()).toLocalDate());
		return new Digest(recipient.name(), period, sections, top,
				this.site.absolute("/unsubscribe/" + this.tokens.token(recipient.id())),
				this.site.absolute("/settings"), this.site.absolute("/"), distinct(keys, founds, cache));
	}

	private static String when(TimelineSearch.Match match, DateTimeFormatter dateTime, DateTimeFormatter date) {
		if (match.publishedAt() == null) {
			return dateTime.format(match.firstSeenAt());
		}
		if (match.dateOnly()) {
			// a date without a time is a calendar date of the source, not an instant
			return date.format(match.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate());
		}
		return dateTime.format(match.publishedAt());
	}

	/**
	 * The items of all searches, each counted once. One search, or searches whose items
	 * are all listed, need no query; otherwise the ids of every match are read (a week's
	 * worth, cached for the run) and merged.
	 */
	private long distinct(List<Key> keys, List<Found> founds, Cache cache) {
		List<Integer> nonEmpty = new ArrayList<>();
		for (int i = 0; i < founds.size(); i++) {
			if (founds.get(i).total() > 0) {
				nonEmpty.add(i);
			}
		}
		if (nonEmpty.size() <= 1) {
			return nonEmpty.isEmpty() ? 0 : founds.get(nonEmpty.get(0)).total();
		}
		LongStream all = LongStream.empty();
		for (int i : nonEmpty) {
			Found found = founds.get(i);
			long[] ids = (found.total() == found.top().size())
					? found.top().stream().mapToLong((listed) -> listed.match().id()).toArray()
					: cache.ids.computeIfAbsent(keys.get(i),
							(key) -> this.search.firstSeenIds(key.parameters(), key.since(), key.until()));
			all = LongStream.concat(all, Arrays.stream(ids));
		}
		return all.distinct().count();
	}

	private Found find(Key key) {
		TimelineSearch.Checked checked = this.search.check(key.parameters());
		int limit = this.properties.topPerSearch();
		List<TimelineSearch.Match> top = this.search.firstSeen(key.parameters(), key.since(), key.until(), limit);
		// Counting is a second query; fewer matches than the limit are already the count.
		long total = (top.size() < limit) ? top.size()
				: this.search.countFirstSeen(key.parameters(), key.since(), key.until());
		List<Long> ids = top.stream().map(TimelineSearch.Match::id).toList();
		Map<Long, DigestContentQueries.Text> texts = this.content.texts(ids);
		Map<Long, List<DigestContentQueries.Named>> entities = this.content.entitiesBySalience(ids);
		List<String> words = Snippets.queryWords(query(checked.parameters()));
		List<Listed> listed = new ArrayList<>(top.size());
		for (TimelineSearch.Match match : top) {
			DigestContentQueries.Text text = texts.get(match.id());
			String snippet = (text != null) ? Snippets.of(match.title(), text.summary(), text.body(), words) : null;
			listed.add(new Listed(match, snippet, entities.getOrDefault(match.id(), List.of())));
		}
		return new Found(checked, listed, total);
	}

	/** The full-text query of checked parameters, or null. */
	private static String query(String parameters) {
		if (parameters == null || parameters.isEmpty()) {
			return null;
		}
		String q = UriComponentsBuilder.newInstance().query(parameters).build().getQueryParams().getFirst("q");
		return (q != null) ? URLDecoder.decode(q, StandardCharsets.UTF_8) : null;
	}

}
