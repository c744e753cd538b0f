package org.vigil.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top values per filter dimension with their counts over the newest matches.
 *
 * @param counted how many matches were counted
 * @param capped whether more items match than were counted
 * @param dimensions dimension (country, person, programme, organisation, source, type,
 * lang) to its top values
 */
record Facets(long counted, boolean capped, Map<String, List<TimelineCounts.FacetValue>> dimensions) {

	static final int TOP = 8;

	static Facets of(List<TimelineCounts.FacetValue> values, int cap) {
		long counted = 0;
		Map<String, List<TimelineCounts.FacetValue>> dimensions = new LinkedHashMap<>();
		for (String dimension : List.of("country", "person", "programme", "organisation", "source", "type", "lang")) {
			dimensions.put(dimension, new ArrayList<>());
		}
		for (TimelineCounts.FacetValue value : values) {
			if (value.dimension().equals("total")) {
				counted = value.count();
			}
			else if (dimensions.containsKey(value.dimension())) {
				dimensions.get(value.dimension()).add(value);
			}
		}
		dimensions.replaceAll((dimension, list) -> list.stream()
			.sorted(Comparator.comparingLong(TimelineCounts.FacetValue::count)
				.reversed()
				.thenComparing(TimelineCounts.FacetValue::label))
			.limit(TOP)
			.toList());
		return new Facets(counted, counted >= cap, dimensions);
	}

}
