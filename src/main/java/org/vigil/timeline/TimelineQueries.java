package org.vigil.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.sources.SourceBadges;

/**
 * The timeline's SQL: one filtered, keyset-paged query over items, the chips of a page,
 * first-seen windows and gazetteer look-ups (counts are in {@link TimelineCounts}, best
 * match in {@link BestMatchQueries}). Every value is a bound parameter; only fixed
 * fragments are concatenated.
 */
@Repository
class TimelineQueries {

	/** First-seen windows up to this long are read window first. */
	private static final Duration WINDOW_FIRST = Duration.ofDays(31);

	static final String TS_QUERY = "websearch_to_tsquery('simple', vigil_unaccent(:q))";

	private final JdbcClient jdbc;

	TimelineQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A timeline row before its chips are attached. */
	record Row(long id, String title, String type, String language, Instant publishedAt, boolean dateOnly,
			String sourceKey, String sourceName, String badge, String snippet, Long storyId) {

		Cursor cursor() {
			return new Cursor(this.publishedAt, this.id);
		}

	}

	/**
	 * Up to {@code limit} rows in timeline order (newest first); with {@code after}, the
	 * rows just newer than it, still returned newest first.
	 */
	List<Row> page(TimelineFilter filter, Cursor before, Cursor after, int limit) {
		Where where = Where.of(filter, before, after);
		if (before != null) {
			where.and("(i.published_at, i.id) < (:beforeAt, :beforeId)");
			where.param("beforeAt", utc(before.publishedAt())).param("beforeId", before.id());
		}
		if (after != null) {
			where.and("(i.published_at, i.id) > (:afterAt, :afterId)");
			where.param("afterAt", utc(after.publishedAt())).param("afterId", after.id());
		}
		String direction = (after != null) ? "asc" : "desc";
		String snippet = snippet(filter);
		String sql = "select p.*, " + snippet + " as snippet from (select i.id, i.title, i.item_type, i.language,"
				+ " i.published_at, i.published_precision, i.summary, i.body_text, i.story_id, s.key as source_key,"
				+ " s.name as source_name, s.kind as source_kind, s.official from item_view i join source_view s on s.id = i.source_id where "
				+ where.sql() + " order by i.published_at " + direction + ", i.id " + direction
				+ " limit :limit) p order by p.published_at desc, p.id desc";
		where.param("limit", limit);
		return this.jdbc.sql(sql).params(where.params()).query(TimelineQueries::row).list();
	}

	/**
	 * The snippet of a page row {@code p}: the query's best fragment, else the opening.
	 * It is computed in the outer query so that it runs only for the rows of the page,
	 * not for every candidate the sort looks at.
	 */
	static String snippet(TimelineFilter filter) {
		return (filter.query() != null)
				? "ts_headline('simple', coalesce(nullif(p.summary, ''), left(p.body_text, 20000)), " + TS_QUERY
						+ ", 'MaxFragments=1, MaxWords=35, MinWords=15, StartSel=\"" + Segment.START + "\", StopSel=\""
						+ Segment.STOP + "\"')"
				: "left(coalesce(nullif(p.summary, ''), p.body_text), 320)";
	}

	/** Whether anything matching is newer than the cursor. */
	boolean hasNewer(TimelineFilter filter, Cursor cursor) {
		Where where = Where.of(filter, null, cursor);
		where.and("(i.published_at, i.id) > (:afterAt, :afterId)");
		where.param("afterAt", utc(cursor.publishedAt())).param("afterId", cursor.id());
		return this.jdbc
			.sql("select exists (select 1 from item_view i join source_view s on s.id = i.source_id where "
					+ where.sql() + ")")
			.params(where.params())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Entity chips of the given items, most salient first: the most mentioned, then by
	 * type (countries, people, programmes, organisations); a card shows the first six.
	 */
	Map<Long, List<EntityRef>> chips(Collection<Long> itemIds) {
		Map<Long, List<EntityRef>> chips = new LinkedHashMap<>();
		if (itemIds.isEmpty()) {
			return chips;
		}
		this.jdbc
			.sql("""
					select ie.item_id, e.id, e.type, e.key, e.name from item_entity_view ie join entity_view e on e.id = ie.entity_id
					where ie.item_id in (:ids)
					order by ie.item_id, ie.mentions desc,
					         array_position(array['country', 'person', 'programme', 'organisation'], e.type), e.name
					""")
			.param("ids", itemIds)
			.query((rs) -> {
				EntityRef entity = entity(rs);
				if (entity != null) {
					chips.computeIfAbsent(rs.getLong("item_id"), (id) -> new ArrayList<>()).add(entity);
				}
			});
		return chips;
	}

	/** An item first seen by Vigil in a window, for saved searches and the digest. */
	record FirstSeen(long id, String title, String type, Instant publishedAt, boolean dateOnly, Instant firstSeenAt,
			String sourceKey, String sourceName, String badge) {

	}

	/**
	 * Matches of the filter that Vigil first saw in [since, until), newest first: what is
	 * new to someone who last looked at {@code since}. The window uses item_first_seen.
	 */
	List<FirstSeen> firstSeen(TimelineFilter filter, Instant since, Instant until, int limit) {
		Where where = firstSeenWhere(filter, since, until);
		where.param("limit", limit);
		return this.jdbc.sql("select i.id, i.title, i.item_type, i.published_at, i.published_precision,"
				+ " i.first_seen_at, s.key as source_key, s.name as source_name, s.kind as source_kind, s.official from "
				+ firstSeenItems(since, until) + " join source_view s on s.id = i.source_id where " + where.sql()
				+ " order by i.first_seen_at desc, i.id desc limit :limit")
			.params(where.params())
			.query((rs, n) -> {
				OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
				return new FirstSeen(rs.getLong("id"), rs.getString("title"), rs.getString("item_type"),
						(published != null) ? published.toInstant() : null,
						"date".equals(rs.getString("published_precision")),
						rs.getObject("first_seen_at", OffsetDateTime.class).toInstant(), rs.getString("source_key"),
						rs.getString("source_name"), badge(rs));
			})
			.list();
	}

	/** How many matches of the filter Vigil first saw in [since, until). */
	long countFirstSeen(TimelineFilter filter, Instant since, Instant until) {
		Where where = firstSeenWhere(filter, since, until);
		return this.jdbc
			.sql("select count(*) from " + firstSeenItems(since, until)
					+ " join source_view s on s.id = i.source_id where " + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/**
	 * The items a first-seen query reads. A short window (the weekly digest, "new since"
	 * after a few days) holds few items: reading the window first and testing the filter
	 * on each is much cheaper than the plans PostgreSQL picks from its estimates (every
	 * item of an entity, or every full-text match, then the window). EXPLAIN ANALYZE on
	 * 1,000,000 items, one week, on a loaded machine: a word and a country 350–550 ms →
	 * about 30 ms; a country 1 s cold, 63 ms warm → 75 ms whatever the entity's size.
	 * OFFSET 0 keeps the subquery from being flattened.
	 */
	private static String firstSeenItems(Instant since, Instant until) {
		if (Duration.between(since, until).compareTo(WINDOW_FIRST) <= 0) {
			return "(select * from item_view where first_seen_at >= :since and first_seen_at < :until offset 0) i";
		}
		return "item_view i";
	}

	private Where firstSeenWhere(TimelineFilter filter, Instant since, Instant until) {
		Where where = Where.of(filter, null, null);
		where.and("i.first_seen_at >= :since").param("since", utc(since));
		where.and("i.first_seen_at < :until").param("until", utc(until));
		return where;
	}

	Optional<EntityRef> findEntity(EntityType type, String value) {
		return this.jdbc
			.sql("""
					select e.id, e.type, e.key, e.name from entity_view e
					where e.type = :type and (lower(e.key) = lower(:value) or lower(e.name) = lower(:value)
					  or exists (select 1 from entity_alias_view a where a.entity_id = e.id and lower(a.alias) = lower(:value)))
					order by (lower(e.key) = lower(:value)) desc, e.id limit 1
					""")
			.param("type", type.key())
			.param("value", value)
			.query(this::entityRow)
			.optional();
	}

	boolean sourceExists(String key) {
		return this.jdbc.sql("select exists (select 1 from source_view where key = :key)")
			.param("key", key)
			.query(Boolean.class)
			.single();
	}

	/** How many search terms a query has once parsed; zero means it can match nothing. */
	int queryTerms(String query) {
		return this.jdbc.sql("select numnode(" + TS_QUERY + ")").param("q", query).query(Integer.class).single();
	}

	/** Gazetteer entries whose name or an alias resembles the text, best first. */
	List<EntityRef> autocomplete(EntityType type, String text, int limit) {
		return this.jdbc.sql("""
				select e.id, e.type, e.key, e.name from entity_view e
				left join lateral (select max(similarity(lower(a.alias), lower(:text))) as s from entity_alias_view a
				                   where a.entity_id = e.id) a on true
				where e.type = :type and (lower(e.name) like lower(:prefix) or lower(e.key) = lower(:text)
				  or lower(e.name) % lower(:text)
				  or exists (select 1 from entity_alias_view x where x.entity_id = e.id
				             and (lower(x.alias) like lower(:prefix) or lower(x.alias) % lower(:text))))
				order by (lower(e.key) = lower(:text)) desc, (lower(e.name) like lower(:prefix)) desc,
				         greatest(similarity(lower(e.name), lower(:text)), coalesce(a.s, 0)) desc, e.name
				limit :limit
				""")
			.param("type", type.key())
			.param("text", text)
			.param("prefix", Where.escapeLike(text) + "%")
			.param("limit", limit)
			.query(this::entityRow)
			.list();
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("item_type"), rs.getString("language"),
				rs.getObject("published_at", OffsetDateTime.class).toInstant(),
				"date".equals(rs.getString("published_precision")), rs.getString("source_key"),
				rs.getString("source_name"), badge(rs), rs.getString("snippet"), rs.getObject("story_id", Long.class));
	}

	static String badge(ResultSet rs) throws SQLException {
		return SourceBadges.of(rs.getString("source_kind"), rs.getBoolean("official"));
	}

	private EntityRef entityRow(ResultSet rs, int n) throws SQLException {
		return entity(rs);
	}

	private EntityRef entity(ResultSet rs) throws SQLException {
		return EntityType.of(rs.getString("type")).map((type) -> safeEntity(rs, type)).orElse(null);
	}

	private static EntityRef safeEntity(ResultSet rs, EntityType type) {
		try {
			return new EntityRef(rs.getLong("id"), type, rs.getString("key"), rs.getString("name"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
