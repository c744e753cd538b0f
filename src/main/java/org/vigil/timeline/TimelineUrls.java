package org.vigil.timeline;

import java.util.List;
import java.util.Map;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links between timeline states: the same filter with one value added, removed or paged.
 */
final class TimelineUrls {

	private TimelineUrls() {
	}

	static String of(MultiValueMap<String, String> parameters) {
		return UriComponentsBuilder.fromPath("/").queryParams(parameters).encode().build().toUriString();
	}

	static String timeline(TimelineFilter filter) {
		return of(filter.toParameters());
	}

	static String adding(TimelineFilter filter, String name, String value) {
		MultiValueMap<String, String> parameters = filter.toParameters();
		List<String> values = parameters.getOrDefault(name, List.of());
		if (!values.contains(value)) {
			parameters.add(name, value);
		}
		return of(parameters);
	}

	static String removing(TimelineFilter filter, String name, String value) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		for (Map.Entry<String, List<String>> entry : filter.toParameters().entrySet()) {
			for (String existing : entry.getValue()) {
				if (!(entry.getKey().equals(name) && (value == null || existing.equals(value)))) {
					parameters.add(entry.getKey(), existing);
				}
			}
		}
		return of(parameters);
	}

	static String paged(TimelineFilter filter, String direction, Cursor cursor) {
		MultiValueMap<String, String> parameters = filter.toParameters();
		parameters.add(direction, cursor.format());
		return of(parameters);
	}

	/** A best-match page after the first {@code rank} matches. */
	static String ranked(TimelineFilter filter, int rank) {
		MultiValueMap<String, String> parameters = filter.toParameters();
		if (rank > 0) {
			parameters.add("rank", Integer.toString(rank));
		}
		return of(parameters);
	}

	static String entityTimeline(EntityRef entity) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		parameters.add(entity.type().key(), entity.key());
		return of(parameters);
	}

}
