package org.vigil.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cards for lists of items that are not the timeline (the Starred page, an entity's
 * latest items): the same card as the timeline's, in the order of the ids given, with the
 * date beside the time since these lists have no day headings.
 */
@Component
class ItemCards {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

	private final JdbcClient jdbc;

	private final TimelineQueries timeline;

	private final TimelineProperties properties;

	private final FilterBar bar;

	ItemCards(JdbcClient jdbc, TimelineQueries timeline, TimelineProperties properties, FilterBar bar) {
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.properties = properties;
		this.bar = bar;
	}

	List<TimelinePage.Card> of(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, TimelinePage.Card> cards = new LinkedHashMap<>();
		ids.forEach((id) -> cards.put(id, null));
		Map<Long, List<EntityRef>> chips = this.timeline.chips(ids);
		this.jdbc.sql("""
				select i.id, i.title, i.item_type, i.language, i.published_at, i.published_precision,
				       left(coalesce(nullif(i.summary, ''), i.body_text), 320) as snippet,
				       s.key as source_key, s.name as source_name, s.kind as source_kind, s.official
				from item_view i join source_view s on s.id = i.source_id where i.id in (:ids)
				""").param("ids", ids).query((rs) -> {
			long id = rs.getLong("id");
			cards.put(id, card(rs, chips.getOrDefault(id, List.of())));
		});
		List<TimelinePage.Card> ordered = new ArrayList<>(cards.values());
		ordered.removeIf(java.util.Objects::isNull);
		return ordered;
	}

	private TimelinePage.Card card(ResultSet rs, List<EntityRef> chips) throws SQLException {
		long id = rs.getLong("id");
		OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
		boolean dateOnly = "date".equals(rs.getString("published_precision"));
		Locale locale = TimelineProperties.viewerLocale();
		String time = null;
		String datetime = null;
		if (published != null) {
			time = dateOnly ? DATE.withLocale(locale).format(published.atZoneSameInstant(ZoneOffset.UTC))
					: DATE_TIME.withLocale(locale).format(published.atZoneSameInstant(this.properties.viewerZone()));
			datetime = dateOnly ? published.toLocalDate().toString() : published.toInstant().toString();
		}
		String snippet = rs.getString("snippet");
		String flat = (snippet != null) ? snippet.replaceAll("\\s+", " ").strip() : "";
		String type = rs.getString("item_type");
		String sourceKey = rs.getString("source_key");
		return new TimelinePage.Card(id, "/items/" + id, rs.getString("title"), rs.getString("source_name"),
				TimelineUrls.adding(TimelineFilter.NONE, "source", sourceKey), TimelineQueries.badge(rs),
				this.bar.typeLabel(type), time, datetime, rs.getString("language"),
				List.of(Segment.plain((flat.length() > 280) ? flat.substring(0, 280) + "\u2026" : flat)), chips);
	}

}
