package org.vigil.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the timeline is restricted to, after the request's parameters were checked. Values
 * of one dimension are alternatives (country=PL&country=DE: either), dimensions combine
 * (country and programme: both).
 *
 * @param query the full-text query in web-search syntax, or null
 * @param entities the entities an item must mention, grouped by type when queried
 * @param sources source keys
 * @param types item types
 * @param languages ISO 639-1 codes
 * @param from first day, inclusive, as given
 * @param to last day, inclusive, as given
 * @param range a preset (24h, 7d, 30d, year) or null
 * @param start inclusive lower bound of published time, or null
 * @param end exclusive upper bound of published time, or null
 * @param sort {@link #BEST} or {@link #NEWEST} as asked in the URL, or null for the
 * default (best match with a query, newest without); kept only with a query
 * @param reader the account whose unread items only are shown ({@code unread=1}), or null
 * for all items
 */
public record TimelineFilter(String query, List<EntityRef> entities, List<String> sources, List<String> types,
		List<String> languages, LocalDate from, LocalDate to, String range, Instant start, Instant end, String sort,
		Long reader) {

	/** Relevance to the query, recent items first among equals. */
	static final String BEST = "best";

	/** Newest published first. */
	static final String NEWEST = "new";

	static final TimelineFilter NONE = new TimelineFilter(null, List.of(), List.of(), List.of(), List.of(), null, null,
			null, null, null, null, null);

	/** Whether the page is ordered by relevance: a query and no request for newest. */
	public boolean bestMatch() {
		return this.query != null && !NEWEST.equals(this.sort);
	}

	/** The same filter in the other order. */
	TimelineFilter sorted(String order) {
		return new TimelineFilter(this.query, this.entities, this.sources, this.types, this.languages, this.from,
				this.to, this.range, this.start, this.end, order, this.reader);
	}

	List<EntityRef> entitiesOf(EntityType type) {
		return this.entities.stream().filter((entity) -> entity.type() == type).toList();
	}

	/** The same filter over read and unread items alike. */
	TimelineFilter withoutReader() {
		return new TimelineFilter(this.query, this.entities, this.sources, this.types, this.languages, this.from,
				this.to, this.range, this.start, this.end, this.sort, null);
	}

	boolean isEmpty() {
		return this.query == null && this.entities.isEmpty() && this.sources.isEmpty() && this.types.isEmpty()
				&& this.languages.isEmpty() && this.start == null && this.end == null;
	}

	/** The filter as URL parameters, in a stable order. */
	public MultiValueMap<String, String> toParameters() {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		if (this.query != null) {
			parameters.add("q", this.query);
		}
		for (EntityType type : EntityType.values()) {
			entitiesOf(type).forEach((entity) -> parameters.add(type.key(), entity.key()));
		}
		this.sources.forEach((source) -> parameters.add("source", source));
		this.types.forEach((type) -> parameters.add("type", type));
		this.languages.forEach((language) -> parameters.add("lang", language));
		if (this.range != null) {
			parameters.add("range", this.range);
		}
		else {
			if (this.from != null) {
				parameters.add("from", this.from.toString());
			}
			if (this.to != null) {
				parameters.add("to", this.to.toString());
			}
		}
		if (this.query != null && this.sort != null) {
			parameters.add("sort", this.sort);
		}
		if (this.reader != null) {
			parameters.add("unread", "1");
		}
		return parameters;
	}

}
