package org.vigil.timeline;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The timeline's filter for the features built on it: a saved search keeps the timeline's
 * URL parameters ({@code q=...&country=PL&range=30d}) and asks here what they mean and
 * which items they match. Parameters are checked exactly as the timeline page checks
 * them, so a saved search always means what its timeline shows.
 */
@Service
public class TimelineSearch {

	/** Parameters that describe a filter; paging and jumps are not part of a search. */
	private static final Set<String> FILTER_PARAMETERS = Set.of("q", "country", "person", "programme", "organisation",
			"source", "type", "lang", "from", "to", "range", "sort");

	private final FilterParser parser;

	private final TimelineQueries queries;

	private final FirstSeenQueries firstSeenIds;

	TimelineSearch(FilterParser parser, TimelineQueries queries, FirstSeenQueries firstSeenIds) {
		this.parser = parser;
		this.queries = queries;
		this.firstSeenIds = firstSeenIds;
	}

	/**
	 * A filter after checking.
	 *
	 * @param parameters the canonical query string (no leading '?'), empty for no filter
	 * @param description a short human description such as "Poland · K2PL · “air
	 * defence”"
	 * @param entityKeys the entities the filter requires, as {@code type:key}
	 * @param problems what was ignored, one sentence each
	 */
	public record Checked(String parameters, String description, Set<String> entityKeys, List<String> problems) {

		/** The timeline URL that shows this filter. */
		public String timelineUrl() {
			return this.parameters.isEmpty() ? "/" : "/?" + this.parameters;
		}

	}

	/** An entity named by an item, as a chip in a list or a mail. */
	public record Chip(String type, String key, String name) {

		/** Its entity page. */
		public String href() {
			return "/entities/" + this.type + "/"
					+ org.springframework.web.util.UriUtils.encodePathSegment(this.key, StandardCharsets.UTF_8);
		}

		/** {@code type:key}, as in {@link Checked#entityKeys()}. */
		public String ref() {
			return this.type + ":" + this.key;
		}

	}

	/**
	 * An item a filter matched.
	 *
	 * @param publishedAt when it was published, or null when the source gave no date
	 * @param dateOnly whether the published time is only a date
	 * @param firstSeenAt when Vigil first stored it
	 * @param entities the entities it names, countries first
	 */
	public record Match(long id, String title, String type, Instant publishedAt, boolean dateOnly, Instant firstSeenAt,
			String sourceKey, String sourceName, String badge, List<Chip> entities) {

		/** Its item page. */
		public String href() {
			return "/items/" + this.id;
		}

	}

	/** Checks timeline parameters as the timeline does; paging parameters are dropped. */
	public Checked check(MultiValueMap<String, String> parameters) {
		MultiValueMap<String, String> filterOnly = new LinkedMultiValueMap<>();
		parameters.forEach((name, values) -> {
			if (FILTER_PARAMETERS.contains(name)) {
				filterOnly.put(name, values);
			}
		});
		FilterParser.Parsed parsed = this.parser.parse(filterOnly);
		TimelineFilter filter = parsed.filter();
		String query = UriComponentsBuilder.newInstance()
			.queryParams(filter.toParameters())
			.encode()
			.build()
			.getQuery();
		return new Checked((query != null) ? query : "", describe(filter),
				filter.entities()
					.stream()
					.map((entity) -> entity.type().key() + ":" + entity.key())
					.collect(Collectors.toUnmodifiableSet()),
				parsed.problems());
	}

	/** Checks a stored query string (as {@link Checked#parameters()} gives it). */
	public Checked check(String queryString) {
		return check(parse(queryString));
	}

	/**
	 * Items matching the stored parameters that Vigil first saw in [since, until), newest
	 * first, at most {@code limit}.
	 */
	public List<Match> firstSeen(String queryString, Instant since, Instant until, int limit) {
		TimelineFilter filter = this.parser.parse(parse(queryString)).filter();
		List<TimelineQueries.FirstSeen> rows = this.queries.firstSeen(filter, since, until, limit);
		Map<Long, List<EntityRef>> chips = this.queries
			.chips(rows.stream().map(TimelineQueries.FirstSeen::id).toList());
		List<Match> matches = new ArrayList<>(rows.size());
		for (TimelineQueries.FirstSeen row : rows) {
			List<Chip> entities = chips.getOrDefault(row.id(), List.of())
				.stream()
				.map((entity) -> new Chip(entity.type().key(), entity.key(), entity.name()))
				.toList();
			matches.add(new Match(row.id(), row.title(), row.type(), row.publishedAt(), row.dateOnly(),
					row.firstSeenAt(), row.sourceKey(), row.sourceName(), row.badge(), entities));
		}
		return matches;
	}

	/**
	 * How many items matching the stored parameters Vigil first saw in [since, until).
	 */
	public long countFirstSeen(String queryString, Instant since, Instant until) {
		return this.queries.countFirstSeen(this.parser.parse(parse(queryString)).filter(), since, until);
	}

	/**
	 * The ids of all items matching the stored parameters that Vigil first saw in [since,
	 * until), ascending: several filters' matches counted once each.
	 */
	public long[] firstSeenIds(String queryString, Instant since, Instant until) {
		return this.firstSeenIds.ids(this.parser.parse(parse(queryString)).filter(), since, until);
	}

	private static MultiValueMap<String, String> parse(String queryString) {
		MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
		if (queryString == null || queryString.isBlank()) {
			return decoded;
		}
		MultiValueMap<String, String> raw = UriComponentsBuilder.newInstance()
			.query(queryString.startsWith("?") ? queryString.substring(1) : queryString)
			.build()
			.getQueryParams();
		raw.forEach((name, values) -> values
			.forEach((value) -> decoded.add(decode(name), (value != null) ? decode(value) : "")));
		return decoded;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String describe(TimelineFilter filter) {
		List<String> parts = new ArrayList<>();
		for (EntityType type : EntityType.values()) {
			List<EntityRef> entities = filter.entitiesOf(type);
			if (!entities.isEmpty()) {
				parts.add(entities.stream().map(EntityRef::name).collect(Collectors.joining(" or ")));
			}
		}
		if (filter.query() != null) {
			parts.add("\u201C" + filter.query() + "\u201D");
		}
		addAll(parts, "source", filter.sources());
		addAll(parts, "type", filter.types());
		addAll(parts, "language", filter.languages());
		if (filter.range() != null) {
			parts.add(switch (filter.range()) {
				case "24h" -> "last 24 hours";
				case "7d" -> "last 7 days";
				case "30d" -> "last 30 days";
				default -> "this year";
			});
		}
		else if (filter.from() != null || filter.to() != null) {
			parts.add(dates(filter.from(), filter.to()));
		}
		return parts.isEmpty() ? "Everything" : String.join(" \u00B7 ", parts);
	}

	private static void addAll(List<String> parts, String label, Collection<String> values) {
		if (!values.isEmpty()) {
			parts.add(label + " " + String.join(" or ", values));
		}
	}

	private static String dates(LocalDate from, LocalDate to) {
		if (from != null && to != null) {
			return from + " to " + to;
		}
		return (from != null) ? "from " + from : "until " + to;
	}

}
