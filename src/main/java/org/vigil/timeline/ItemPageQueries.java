package org.vigil.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the item page reads: the item, its mentions, earlier versions, its story and
 * related items.
 */
@Repository
class ItemPageQueries {

	private final JdbcClient jdbc;

	ItemPageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Item(long id, String title, String url, String type, String language, String author, Instant publishedAt,
			boolean dateOnly, String publishedRaw, Instant firstSeenAt, Instant updatedAt, String summary,
			String bodyHtml, String bodyText, boolean partial, Instant withdrawnAt, String withdrawnNote, Long storyId,
			int version, String sourceKey, String sourceName, String badge) {

	}

	record Version(int version, String title, String bodyText, Instant validFrom, Instant validTo) {

	}

	/** Another item, listed by title. */
	record Other(long id, String title, String sourceName, Instant publishedAt, boolean dateOnly, int shared) {

	}

	Optional<Item> item(long id) {
		return this.jdbc.sql("""
				select i.*, s.key as source_key, s.name as source_name, s.kind as source_kind, s.official
				from item_view i join source_view s on s.id = i.source_id where i.id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Item(rs.getLong("id"), rs.getString("title"), rs.getString("url"),
					rs.getString("item_type"), rs.getString("language"), rs.getString("author"),
					instant(rs, "published_at"), "date".equals(rs.getString("published_precision")),
					rs.getString("published_raw"), instant(rs, "first_seen_at"), instant(rs, "updated_at"),
					rs.getString("summary"), rs.getString("body_html"), rs.getString("body_text"),
					rs.getBoolean("partial"), instant(rs, "withdrawn_at"), rs.getString("withdrawn_note"),
					(Long) rs.getObject("story_id", Long.class), rs.getInt("version"), rs.getString("source_key"),
					rs.getString("source_name"), TimelineQueries.badge(rs)))
			.optional();
	}

	List<MentionHighlighter.Mention> bodyMentions(long itemId) {
		return this.jdbc.sql("""
				select m.start_pos, m.end_pos, e.id, e.type, e.key, e.name
				from mention_view m join entity_view e on e.id = m.entity_id
				where m.item_id = :id and not m.in_title order by m.start_pos
				""")
			.param("id", itemId)
			.query((rs, n) -> EntityType.of(rs.getString("type"))
				.map((type) -> new MentionHighlighter.Mention(intValue(rs, "start_pos"), intValue(rs, "end_pos"),
						new EntityRef(longValue(rs, "id"), type, string(rs, "key"), string(rs, "name"))))
				.orElse(null))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	List<Version> versions(long itemId) {
		return this.jdbc.sql("""
				select version, title, body_text, valid_from, valid_to from item_version_view
				where item_id = :id order by version desc limit 20
				""")
			.param("id", itemId)
			.query((rs, n) -> new Version(rs.getInt("version"), rs.getString("title"), rs.getString("body_text"),
					instant(rs, "valid_from"), instant(rs, "valid_to")))
			.list();
	}

	List<Other> sameStory(long itemId, long storyId) {
		return this.jdbc.sql("""
				select i.id, i.title, s.name as source_name, i.published_at, i.published_precision, 0 as shared
				from item_view i join source_view s on s.id = i.source_id
				where i.story_id = :story and i.id <> :id order by i.published_at nulls last, i.id limit 20
				""").param("story", storyId).param("id", itemId).query(this::other).list();
	}

	/**
	 * Items sharing the most entities with this one, published within four weeks of it.
	 */
	List<Other> related(long itemId, Instant publishedAt, int limit) {
		if (publishedAt == null) {
			return List.of();
		}
		return this.jdbc.sql("""
				select i.id, i.title, s.name as source_name, i.published_at, i.published_precision, r.shared
				from (select o.item_id, count(*) as shared
				      from item_entity_view me
				      join item_entity_view o on o.entity_id = me.entity_id and o.item_id <> me.item_id
				       and o.published_at >= cast(:at as timestamptz) - interval '28 days'
				       and o.published_at < cast(:at as timestamptz) + interval '28 days'
				      where me.item_id = :id
				      group by o.item_id order by count(*) desc, max(o.published_at) desc limit :limit) r
				join item_view i on i.id = r.item_id join source_view s on s.id = i.source_id
				order by r.shared desc, i.published_at desc
				""")
			.param("id", itemId)
			.param("at", TimelineQueries.utc(publishedAt))
			.param("limit", limit)
			.query(this::other)
			.list();
	}

	private Other other(ResultSet rs, int n) throws SQLException {
		return new Other(rs.getLong("id"), rs.getString("title"), rs.getString("source_name"),
				instant(rs, "published_at"), "date".equals(rs.getString("published_precision")), rs.getInt("shared"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static int intValue(ResultSet rs, String column) {
		try {
			return rs.getInt(column);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long longValue(ResultSet rs, String column) {
		try {
			return rs.getLong(column);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String string(ResultSet rs, String column) {
		try {
			return rs.getString(column);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
