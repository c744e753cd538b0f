package org.vigil.timeline;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The words and links of the timeline's filter bar, in the viewer's language: the active
 * filters as removable chips, the total, the order, the date presets and month jumps, and
 * the facet groups.
 */
@Component
class FilterBar {

	private static final List<String> DIMENSIONS = List.of("country", "person", "programme", "organisation", "source",
			"type", "lang");

	private final MessageSource messages;

	private final TimelineProperties properties;

	private final Clock clock;

	FilterBar(MessageSource messages, TimelineProperties properties, Clock clock) {
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

	/** An item type's name, e.g. "Press release". */
	String typeLabel(String type) {
		return this.messages.getMessage("timeline.type." + type, null, type, LocaleContextHolder.getLocale());
	}

	/** "1,234 items", or "More than 1,000 items" past the cap. */
	String total(TimelineCounts.Total total) {
		return total.more() ? text("timeline.count.more", total.count()) : text("timeline.count", total.count());
	}

	/** The filters in force, each with a link that removes it. */
	List<TimelinePage.Link> active(TimelineFilter filter) {
		List<TimelinePage.Link> active = new ArrayList<>();
		if (filter.query() != null) {
			active.add(TimelinePage.Link.of(text("timeline.active.search", filter.query()),
					TimelineUrls.removing(filter, "q", null)));
		}
		for (EntityRef entity : filter.entities()) {
			active.add(TimelinePage.Link.of(entity.name(),
					TimelineUrls.removing(filter, entity.type().key(), entity.key())));
		}
		filter.sources()
			.forEach((source) -> active.add(TimelinePage.Link.of(text("timeline.active.source", source),
					TimelineUrls.removing(filter, "source", source))));
		filter.types()
			.forEach((type) -> active
				.add(TimelinePage.Link.of(typeLabel(type), TimelineUrls.removing(filter, "type", type))));
		filter.languages()
			.forEach((language) -> active.add(TimelinePage.Link.of(text("timeline.active.lang", language),
					TimelineUrls.removing(filter, "lang", language))));
		if (filter.reader() != null) {
			active.add(TimelinePage.Link.of(text("timeline.active.unread"),
					TimelineUrls.removing(filter, "unread", null)));
		}
		if (filter.range() != null) {
			active.add(TimelinePage.Link.of(text("timeline.range." + filter.range()),
					TimelineUrls.removing(filter, "range", null)));
		}
		if (filter.from() != null) {
			active.add(TimelinePage.Link.of(text("timeline.active.from", filter.from().toString()),
					TimelineUrls.removing(filter, "from", null)));
		}
		if (filter.to() != null) {
			active.add(TimelinePage.Link.of(text("timeline.active.to", filter.to().toString()),
					TimelineUrls.removing(filter, "to", null)));
		}
		return active;
	}

	/** "Best match" and "Newest" for a query, the one in force current; none without. */
	List<TimelinePage.Link> sorts(TimelineFilter filter) {
		if (filter.query() == null) {
			return List.of();
		}
		return List.of(
				new TimelinePage.Link(text("timeline.sort.best"),
						TimelineUrls.timeline(filter.sorted(TimelineFilter.BEST)), null, filter.bestMatch()),
				new TimelinePage.Link(text("timeline.sort.new"),
						TimelineUrls.timeline(filter.sorted(TimelineFilter.NEWEST)), null, !filter.bestMatch()));
	}

	List<TimelinePage.FacetGroup> facetGroups(TimelineFilter filter, Facets facets) {
		List<TimelinePage.FacetGroup> groups = new ArrayList<>();
		facets.dimensions().forEach((dimension, values) -> {
			if (values.isEmpty() || !DIMENSIONS.contains(dimension)) {
				return;
			}
			MultiValueMap<String, String> current = filter.toParameters();
			List<TimelinePage.Link> links = values.stream().map((value) -> {
				boolean on = current.getOrDefault(dimension, List.of()).contains(value.value());
				String label = dimension.equals("type") ? typeLabel(value.label())
						: dimension.equals("country") ? value.label() + " (" + value.value() + ")" : value.label();
				String url = on ? TimelineUrls.removing(filter, dimension, value.value())
						: TimelineUrls.adding(filter, dimension, value.value());
				return new TimelinePage.Link(label, url, value.count(), on);
			}).toList();
			groups.add(new TimelinePage.FacetGroup(dimension, text("timeline.facet." + dimension), links));
		});
		return groups;
	}

	String facetNote(Facets facets) {
		return facets.capped() ? text("timeline.facets.capped", facets.counted()) : null;
	}

	List<TimelinePage.Link> ranges(TimelineFilter filter) {
		List<TimelinePage.Link> ranges = new ArrayList<>();
		for (String range : FilterParser.RANGES) {
			MultiValueMap<String, String> parameters = filter.toParameters();
			parameters.remove("range");
			parameters.remove("from");
			parameters.remove("to");
			parameters.add("range", range);
			ranges.add(new TimelinePage.Link(text("timeline.range." + range), TimelineUrls.of(parameters), null,
					range.equals(filter.range())));
		}
		return ranges;
	}

	/**
	 * The last twelve months, newest first, as date-jump targets (they keep the filter).
	 */
	List<TimelinePage.Link> months(TimelineFilter filter) {
		YearMonth current = YearMonth.from(this.clock.instant().atZone(this.properties.viewerZone()));
		List<TimelinePage.Link> months = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			YearMonth month = current.minusMonths(i);
			String label = month.getMonth()
				.getDisplayName(TextStyle.SHORT_STANDALONE, TimelineProperties.viewerLocale())
					+ ((month.getMonthValue() == 1 || i == 0) ? " " + month.getYear() : "");
			MultiValueMap<String, String> parameters = filter.toParameters();
			parameters.add("at", month.toString());
			months.add(TimelinePage.Link.of(label, TimelineUrls.of(parameters)));
		}
		return months;
	}

}
