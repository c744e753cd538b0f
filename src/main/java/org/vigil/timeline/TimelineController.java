package org.vigil.timeline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.shared.SignedInUser;

/**
 * The timeline at {@code /}: items newest first under day headings, filtered by the URL's
 * parameters, paged by keyset; with a query it is also the search page.
 */
@Controller
class TimelineController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private static final Map<String, String> TYPE_LABELS = Map.of("press-release", "Press release", "speech", "Speech",
			"news", "News", "statement", "Statement", "other", "Other");

	private static final Map<String, String> RANGE_LABELS = Map.of("24h", "24 hours", "7d", "7 days", "30d", "30 days",
			"year", "This year");

	private final FilterParser parser;

	private final TimelineQueries queries;

	private final TimelineProperties properties;

	private final Clock clock;

	private final RecentCache<Facets> facetCache;

	private final Reading reading;

	TimelineController(FilterParser parser, TimelineQueries queries, TimelineProperties properties, Clock clock,
			Reading reading) {
		this.parser = parser;
		this.reading = reading;
		this.queries = queries;
		this.properties = properties;
		this.clock = clock;
		this.facetCache = new RecentCache<>(clock, properties.facetCacheTtl(), 500);
	}

	@GetMapping("/")
	String timeline(@AuthenticationPrincipal SignedInUser user, @RequestParam MultiValueMap<String, String> parameters,
			Model model) {
		FilterParser.Parsed parsed = this.parser.parse(parameters, (user != null) ? user.id() : null);
		TimelineFilter filter = parsed.filter();
		int size = this.properties.pageSize();
		List<TimelineQueries.Row> rows = new ArrayList<>(
				this.queries.page(filter, parsed.before(), parsed.after(), size + 1));
		String olderUrl = null;
		String newerUrl = null;
		if (parsed.after() != null) {
			// Rows came back newest first; the surplus one, if any, is the newest.
			boolean moreNewer = rows.size() > size;
			if (moreNewer) {
				rows.remove(0);
			}
			if (!rows.isEmpty()) {
				newerUrl = moreNewer ? TimelineUrls.paged(filter, "after", rows.get(0).cursor()) : null;
				olderUrl = TimelineUrls.paged(filter, "before", rows.get(rows.size() - 1).cursor());
			}
		}
		else {
			boolean moreOlder = rows.size() > size;
			if (moreOlder) {
				rows.remove(rows.size() - 1);
			}
			if (!rows.isEmpty()) {
				olderUrl = moreOlder ? TimelineUrls.paged(filter, "before", rows.get(rows.size() - 1).cursor()) : null;
				if (parsed.before() != null && this.queries.hasNewer(filter, rows.get(0).cursor())) {
					newerUrl = TimelineUrls.paged(filter, "after", rows.get(0).cursor());
				}
			}
		}
		boolean atTop = parsed.before() == null && parsed.after() == null;
		Map<Long, List<EntityRef>> chips = this.queries.chips(rows.stream().map(TimelineQueries.Row::id).toList());
		Facets facets = this.facetCache.get(filter.toParameters() + "@" + filter.reader(),
				() -> this.queries.facets(filter, this.properties.facetCap()));
		TimelinePage page = new TimelinePage(filter, parsed.problems(), days(rows, chips, filter), olderUrl, newerUrl,
				atTop ? null : TimelineUrls.timeline(filter), active(filter), facetGroups(filter, facets),
				facetNote(facets), ranges(filter), months(filter));
		model.addAttribute("page", page);
		model.addAttribute("reading", this.reading.of(user, rows.stream().map(TimelineQueries.Row::id).toList())
			.at(TimelineUrls.of(parameters), true));
		model.addAttribute("unreadToggle", this.reading.unreadToggle(user, filter));
		model.addAttribute("entityTypes", EntityType.values());
		model.addAttribute("itemTypes", FilterParser.ITEM_TYPES.stream().sorted().toList());
		model.addAttribute("typeLabels", TYPE_LABELS);
		return "timeline/timeline";
	}

	/** Suggestions for an entity filter input, as {@code <option>}s for its datalist. */
	@GetMapping("/autocomplete/{type}")
	String autocomplete(@PathVariable String type, @RequestParam MultiValueMap<String, String> parameters,
			Model model) {
		EntityType entityType = EntityType.of(type).orElse(null);
		String text = (entityType != null) ? parameters.getFirst(entityType.key()) : null;
		if (text == null) {
			text = parameters.getFirst("q");
		}
		List<EntityRef> suggestions = (entityType == null || text == null || text.isBlank() || text.length() > 100)
				? List.of() : this.queries.autocomplete(entityType, text.strip(), 10);
		model.addAttribute("suggestions", suggestions);
		return "timeline/autocomplete :: options";
	}

	private List<TimelinePage.Day> days(List<TimelineQueries.Row> rows, Map<Long, List<EntityRef>> chips,
			TimelineFilter filter) {
		ZoneId zone = this.properties.viewerZone();
		Map<LocalDate, List<TimelinePage.Card>> byDay = new LinkedHashMap<>();
		for (TimelineQueries.Row row : rows) {
			ZonedDateTime published = row.publishedAt().atZone(zone);
			// Date-only items are stored at midnight UTC: their day is the UTC day.
			LocalDate day = row.dateOnly() ? LocalDate.ofInstant(row.publishedAt(), java.time.ZoneOffset.UTC)
					: published.toLocalDate();
			List<Segment> snippet = (filter.query() != null) ? Segment.fromHeadline(row.snippet())
					: List.of(Segment.plain(abbreviate(row.snippet())));
			byDay.computeIfAbsent(day, (d) -> new ArrayList<>())
				.add(new TimelinePage.Card(row.id(), "/items/" + row.id(), row.title(), row.sourceName(),
						TimelineUrls.adding(filter, "source", row.sourceKey()), row.badge(),
						TYPE_LABELS.getOrDefault(row.type(), row.type()),
						row.dateOnly() ? null : TIME.format(published),
						row.dateOnly() ? day.toString() : row.publishedAt().toString(), row.language(), snippet,
						chips.getOrDefault(row.id(), List.of())));
		}
		List<TimelinePage.Day> days = new ArrayList<>();
		byDay.forEach((day, cards) -> days.add(new TimelinePage.Day(day.toString(),
				DAY.withLocale(TimelineProperties.viewerLocale()).format(day), cards)));
		return days;
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		String flat = text.replaceAll("\\s+", " ").strip();
		if (flat.length() <= 280) {
			return flat;
		}
		int cut = flat.lastIndexOf(' ', 280);
		return flat.substring(0, (cut > 200) ? cut : 280) + "\u2026";
	}

	private List<TimelinePage.Link> active(TimelineFilter filter) {
		List<TimelinePage.Link> active = new ArrayList<>();
		if (filter.query() != null) {
			active.add(TimelinePage.Link.of("Search: " + filter.query(), TimelineUrls.removing(filter, "q", null)));
		}
		for (EntityRef entity : filter.entities()) {
			active.add(TimelinePage.Link.of(entity.name(),
					TimelineUrls.removing(filter, entity.type().key(), entity.key())));
		}
		filter.sources()
			.forEach((source) -> active
				.add(TimelinePage.Link.of("Source: " + source, TimelineUrls.removing(filter, "source", source))));
		filter.types()
			.forEach((type) -> active.add(TimelinePage.Link.of(TYPE_LABELS.getOrDefault(type, type),
					TimelineUrls.removing(filter, "type", type))));
		filter.languages()
			.forEach((language) -> active
				.add(TimelinePage.Link.of("Language: " + language, TimelineUrls.removing(filter, "lang", language))));
		if (filter.reader() != null) {
			active.add(TimelinePage.Link.of("Unread only", TimelineUrls.removing(filter, "unread", null)));
		}
		if (filter.range() != null) {
			active.add(TimelinePage.Link.of(RANGE_LABELS.get(filter.range()),
					TimelineUrls.removing(filter, "range", null)));
		}
		if (filter.from() != null) {
			active.add(TimelinePage.Link.of("From " + filter.from(), TimelineUrls.removing(filter, "from", null)));
		}
		if (filter.to() != null) {
			active.add(TimelinePage.Link.of("To " + filter.to(), TimelineUrls.removing(filter, "to", null)));
		}
		return active;
	}

	private List<TimelinePage.FacetGroup> facetGroups(TimelineFilter filter, Facets facets) {
		Map<String, String> titles = new LinkedHashMap<>();
		titles.put("country", "Countries");
		titles.put("person", "People");
		titles.put("programme", "Programmes");
		titles.put("organisation", "Organisations");
		titles.put("source", "Sources");
		titles.put("type", "Types");
		titles.put("lang", "Languages");
		List<TimelinePage.FacetGroup> groups = new ArrayList<>();
		facets.dimensions().forEach((dimension, values) -> {
			if (values.isEmpty()) {
				return;
			}
			MultiValueMap<String, String> current = filter.toParameters();
			List<TimelinePage.Link> links = values.stream().map((value) -> {
				boolean on = current.getOrDefault(dimension, List.of()).contains(value.value());
				String label = dimension.equals("type") ? TYPE_LABELS.getOrDefault(value.label(), value.label())
						: dimension.equals("country") ? value.label() + " (" + value.value() + ")" : value.label();
				String url = on ? TimelineUrls.removing(filter, dimension, value.value())
						: TimelineUrls.adding(filter, dimension, value.value());
				return new TimelinePage.Link(label, url, value.count(), on);
			}).toList();
			groups.add(new TimelinePage.FacetGroup(dimension, titles.get(dimension), links));
		});
		return groups;
	}

	private static String facetNote(Facets facets) {
		if (facets.capped()) {
			return "Counts over the newest " + String.format(Locale.ENGLISH, "%,d", facets.counted()) + " matches.";
		}
		return String.format(Locale.ENGLISH, "%,d matching items.", facets.counted());
	}

	private List<TimelinePage.Link> ranges(TimelineFilter filter) {
		List<TimelinePage.Link> ranges = new ArrayList<>();
		for (String range : FilterParser.RANGES) {
			MultiValueMap<String, String> parameters = filter.toParameters();
			parameters.remove("range");
			parameters.remove("from");
			parameters.remove("to");
			parameters.add("range", range);
			ranges.add(new TimelinePage.Link(RANGE_LABELS.get(range), TimelineUrls.of(parameters), null,
					range.equals(filter.range())));
		}
		return ranges;
	}

	/**
	 * The last twelve months, newest first, as date-jump targets (they keep the filter).
	 */
	private List<TimelinePage.Link> months(TimelineFilter filter) {
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
