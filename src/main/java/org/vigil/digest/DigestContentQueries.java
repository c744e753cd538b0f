package org.vigil.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a digest shows, read from the read models of users, searches, items and tagging:
 * the recipients and saved searches of a batch, the texts snippets are cut from, the
 * entities of each item by salience, and the week's most-named entities.
 */
@Repository
class DigestContentQueries {

	private final JdbcClient jdbc;

	DigestContentQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Who a digest goes to, how they read dates, and when it is due (weekday 1 = Monday,
	 * hour, in {@code zone}).
	 */
	record Recipient(long id, String email, String displayName, ZoneId zone, Locale locale, int digestDay,
			int digestHour) {

		String name() {
			return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.email;
		}

	}

	/** A saved search as the digest reads it. */
	record SavedSearch(long id, long userId, String name, String parameters) {

	}

	/** An entity and how many of the week's new items name it. */
	record EntityCount(String type, String key, String name, long items) {

	}

	/** An entity an item names. */
	record Named(String type, String key, String name) {

		String ref() {
			return this.type + ":" + this.key;
		}

	}

	/** The text a snippet is cut from: the source's summary, if any, and the body. */
	record Text(String summary, String body) {

	}

	Map<Long, Recipient> recipients(Collection<Long> userIds) {
		Map<Long, Recipient> recipients = new HashMap<>();
		if (userIds.isEmpty()) {
			return recipients;
		}
		this.jdbc
			.sql("select id, email, display_name, time_zone, locale, digest_day, digest_hour from user_view"
					+ " where id in (:ids)")
			.param("ids", userIds)
			.query((rs) -> {
				recipients.put(rs.getLong("id"),
						new Recipient(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
								zone(rs.getString("time_zone")), Locale.forLanguageTag(rs.getString("locale")),
								rs.getInt("digest_day"), rs.getInt("digest_hour")));
			});
		return recipients;
	}

	/** The saved searches of the given users, by user, in name order. */
	Map<Long, List<SavedSearch>> savedSearches(Collection<Long> userIds) {
		Map<Long, List<SavedSearch>> searches = new HashMap<>();
		if (userIds.isEmpty()) {
			return searches;
		}
		this.jdbc.sql("""
				select id, user_id, name, parameters from saved_search_view where user_id in (:ids)
				order by user_id, lower(name), id
				""").param("ids", userIds).query((rs) -> {
			SavedSearch search = new SavedSearch(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
					rs.getString("parameters"));
			searches.computeIfAbsent(search.userId(), (id) -> new ArrayList<>()).add(search);
		});
		return searches;
	}

	/** The entities named by the most items Vigil first saw in [since, until). */
	List<EntityCount> topEntities(Instant since, Instant until, int limit) {
		return this.jdbc.sql("""
				select e.type, e.key, e.name, count(*) as n
				from item_view i join item_entity_view ie on ie.item_id = i.id join entity_view e on e.id = ie.entity_id
				where i.first_seen_at >= :since and i.first_seen_at < :until
				group by e.id, e.type, e.key, e.name order by n desc, e.name limit :limit
				""")
			.param("since", DigestStore.utc(since))
			.param("until", DigestStore.utc(until))
			.param("limit", limit)
			.query((rs, n) -> new EntityCount(rs.getString("type"), rs.getString("key"), rs.getString("name"),
					rs.getLong("n")))
			.list();
	}

	/** The summary and body of the given items. */
	Map<Long, Text> texts(Collection<Long> itemIds) {
		Map<Long, Text> texts = new HashMap<>();
		if (itemIds.isEmpty()) {
			return texts;
		}
		// the first few thousand characters hold the sentence a snippet needs
		this.jdbc
			.sql("select id, left(summary, 2000) as summary, left(body_text, 4000) as body from item_view"
					+ " where id in (:ids)")
			.param("ids", itemIds)
			.query((rs) -> {
				texts.put(rs.getLong("id"), new Text(rs.getString("summary"), rs.getString("body")));
			});
		return texts;
	}

	/**
	 * The entities each item names, most salient first: named in the title, then by
	 * number of mentions, then by the tagger's confidence.
	 */
	Map<Long, List<Named>> entitiesBySalience(Collection<Long> itemIds) {
		Map<Long, List<Named>> entities = new HashMap<>();
		if (itemIds.isEmpty()) {
			return entities;
		}
		this.jdbc.sql("""
				select ie.item_id, e.type, e.key, e.name
				from item_entity_view ie join entity_view e on e.id = ie.entity_id
				where ie.item_id in (:ids) and e.type in ('country', 'person', 'programme', 'organisation')
				order by ie.item_id,
				  exists (select 1 from mention_view m where m.item_id = ie.item_id and m.entity_id = ie.entity_id
				          and m.in_title) desc,
				  ie.mentions desc, ie.confidence desc, e.name
				""").param("ids", itemIds).query((rs) -> {
			entities.computeIfAbsent(rs.getLong("item_id"), (id) -> new ArrayList<>())
				.add(new Named(rs.getString("type"), rs.getString("key"), rs.getString("name")));
		});
		return entities;
	}

	private static ZoneId zone(String name) {
		try {
			return ZoneId.of(name);
		}
		catch (RuntimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
