package org.vigil.timeline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A page of timeline rows as the template shows them: cards under day headings, with the
 * items of one story (the same statement from several sources, as ingest links them)
 * gathered under the first of them on the page.
 */
@Component
class TimelineCards {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final TimelineProperties properties;

	private final FilterBar bar;

	TimelineCards(TimelineProperties properties, FilterBar bar) {
		this.properties = properties;
		this.bar = bar;
	}

	/**
	 * Rows in page order under day headings. With {@code byDay} false (best match, where
	 * dates are not in order) all rows are under one heading-less group.
	 */
	List<TimelinePage.Day> days(List<TimelineQueries.Row> rows, Map<Long, List<EntityRef>> chips, TimelineFilter filter,
			boolean byDay) {
		ZoneId zone = this.properties.viewerZone();
		Map<Long, TimelinePage.Story> stories = new LinkedHashMap<>();
		Map<LocalDate, List<TimelinePage.Story>> days = new LinkedHashMap<>();
		for (TimelineQueries.Row row : rows) {
			ZonedDateTime published = row.publishedAt().atZone(zone);
			// Date-only items are stored at midnight UTC: their day is the UTC day.
			LocalDate day = row.dateOnly() ? LocalDate.ofInstant(row.publishedAt(), ZoneOffset.UTC)
					: published.toLocalDate();
			TimelinePage.Card card = card(row, chips, filter, published, day, byDay);
			TimelinePage.Story story = (row.storyId() != null) ? stories.get(row.storyId()) : null;
			if (story != null) {
				story.others().add(card);
				continue;
			}
			story = new TimelinePage.Story(card, new ArrayList<>());
			if (row.storyId() != null) {
				stories.put(row.storyId(), story);
			}
			days.computeIfAbsent(byDay ? day : null, (d) -> new ArrayList<>()).add(story);
		}
		List<TimelinePage.Day> result = new ArrayList<>();
		days.forEach((day,
				list) -> result.add((day != null)
						? new TimelinePage.Day(day.toString(),
								DAY.withLocale(TimelineProperties.viewerLocale()).format(day), list)
						: new TimelinePage.Day(null, null, list)));
		return result;
	}

	private TimelinePage.Card card(TimelineQueries.Row row, Map<Long, List<EntityRef>> chips, TimelineFilter filter,
			ZonedDateTime published, LocalDate day, boolean byDay) {
		List<Segment> snippet = (filter.query() != null) ? Segment.fromHeadline(row.snippet())
				: List.of(Segment.plain(abbreviate(row.snippet())));
		// Without day headings (best match) the card carries its own date.
		Locale locale = TimelineProperties.viewerLocale();
		String time = byDay ? (row.dateOnly() ? null : TIME.format(published)) : (row.dateOnly()
				? DATE.withLocale(locale).format(day) : DATE_TIME.withLocale(locale).format(published));
		return new TimelinePage.Card(row.id(), "/items/" + row.id(), row.title(), row.sourceName(),
				TimelineUrls.adding(filter, "source", row.sourceKey()), row.badge(), this.bar.typeLabel(row.type()),
				time, row.dateOnly() ? day.toString() : row.publishedAt().toString(), row.language(), snippet,
				chips.getOrDefault(row.id(), List.of()));
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

}
