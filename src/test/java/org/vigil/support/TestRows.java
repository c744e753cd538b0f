package org.vigil.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sources, entities and items inserted straight into the database, as ingest and tagging
 * would store them; the features' test fixtures build on it.
 */
public class TestRows {

	protected final JdbcClient jdbc;

	public TestRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An official source (a feed: a crawled source, badged Official or Media). */
	public long source(String key, String name) {
		return source(key, name, true);
	}

	public long source(String key, String name, boolean official) {
		return this.jdbc.sql("""
				insert into source (key, name, kind, official) values (:key, :name, 'feed', :official)
				on conflict (key) do update set name = excluded.name returning id
				""").param("key", key).param("name", name).param("official", official).query(Long.class).single();
	}

	public long entity(String type, String key, String name) {
		return this.jdbc.sql("""
				insert into entity (type, key, name) values (:type, :key, :name)
				on conflict (type, key) do update set name = excluded.name returning id
				""").param("type", type).param("key", key).param("name", name).query(Long.class).single();
	}

	/** An item published and first seen at {@code seen}, naming the entities. */
	public long item(long sourceId, String title, Instant seen, long... entityIds) {
		return item(sourceId, title, "https://example.org/" + UUID.randomUUID(), seen, entityIds);
	}

	public long item(long sourceId, String title, String url, Instant seen, long... entityIds) {
		long id = this.jdbc.sql("""
				insert into item (source_id, canonical_key, url, title, item_type, language, published_at,
				  published_precision, first_seen_at, updated_at, body_html, body_text, content_hash)
				values (:source, :key, :url, :title, 'press-release', 'en', :seen, 'time', :seen, :seen,
				  :html, :body, md5(:body))
				returning id
				""")
			.param("source", sourceId)
			.param("key", "test:" + UUID.randomUUID())
			.param("url", url)
			.param("title", title)
			.param("seen", seen.atOffset(ZoneOffset.UTC))
			.param("html", "<p>" + title.replace("&", "&amp;").replace("<", "&lt;") + "</p>")
			.param("body", title)
			.query(Long.class)
			.single();
		for (long entityId : entityIds) {
			this.jdbc.sql("""
					insert into item_entity (item_id, entity_id, published_at, mentions, confidence)
					select id, :entity, published_at, 1, 0.9 from item where id = :item
					""").param("item", id).param("entity", entityId).update();
		}
		return id;
	}

}
