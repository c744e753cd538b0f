package org.vigil.digest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.TestUsers;

/** Users, saved searches and items for digest tests, straight in the database. */
final class DigestFixture {

	private final JdbcClient jdbc;

	DigestFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Empties everything a digest reads or writes. */
	void clear() {
		this.jdbc.sql("""
				delete from digest_delivery; delete from digest_run; delete from saved_search;
				delete from spring_session; delete from login_throttle; delete from app_user;
				delete from mention; delete from item_entity; delete from item
				""").update();
	}

	long source(String key, String name) {
		return this.jdbc.sql("""
				insert into source (key, name, kind, official) values (:key, :name, 'manual', true)
				on conflict (key) do update set name = excluded.name returning id
				""").param("key", key).param("name", name).query(Long.class).single();
	}

	long entity(String type, String key, String name) {
		return this.jdbc.sql("""
				insert into entity (type, key, name) values (:type, :key, :name)
				on conflict (type, key) do update set name = excluded.name returning id
				""").param("type", type).param("key", key).param("name", name).query(Long.class).single();
	}

	/** An item Vigil first saw (and the source published) at {@code seen}. */
	long item(long sourceId, String title, Instant seen, long... entityIds) {
		String key = "test:" + UUID.randomUUID();
		long id = this.jdbc
			.sql("""
					insert into item (source_id, canonical_key, url, title, item_type, language, published_at,
					  published_precision, first_seen_at, updated_at, body_html, body_text, content_hash)
					values (:source, :key, :url, :title, 'news', 'en', :seen, 'time', :seen, :seen, '<p>' || :title || '</p>',
					  :title, md5(:title))
					returning id
					""")
			.param("source", sourceId)
			.param("key", key)
			.param("url", "https://example.org/" + key)
			.param("title", title)
			.param("seen", seen.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		for (long entity : entityIds) {
			this.jdbc.sql("""
					insert into item_entity (item_id, entity_id, published_at, mentions, confidence)
					select id, :entity, published_at, 1, 0.9 from item where id = :item
					""").param("item", id).param("entity", entity).update();
		}
		return id;
	}

	/**
	 * A user with the digest on at the given weekday (1 = Monday) and hour in their zone,
	 * made long before any test instant.
	 */
	long user(String email, String zone, String locale, int day, int hour) {
		long id = TestUsers.analyst(this.jdbc, email);
		this.jdbc.sql("""
				update app_user set time_zone = :zone, locale = :locale, digest_day = :day, digest_hour = :hour,
				  created_at = timestamptz '2020-01-01 00:00Z'
				where id = :id
				""")
			.param("zone", zone)
			.param("locale", locale)
			.param("day", day)
			.param("hour", hour)
			.param("id", id)
			.update();
		return id;
	}

	long search(long userId, String name, String parameters) {
		return this.jdbc
			.sql("insert into saved_search (user_id, name, parameters) values (:user, :name, :parameters)"
					+ " returning id")
			.param("user", userId)
			.param("name", name)
			.param("parameters", parameters)
			.query(Long.class)
			.single();
	}

	String status(long userId) {
		return this.jdbc.sql("select string_agg(status, ',' order by week) from digest_delivery where user_id = :id")
			.param("id", userId)
			.query((rs, n) -> rs.getString(1))
			.list()
			.get(0);
	}

}
