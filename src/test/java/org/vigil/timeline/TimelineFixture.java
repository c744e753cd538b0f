package org.vigil.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.TestRows;

/**
 * Inserts sources, items, gazetteer entries and mentions directly, as ingest and tagging
 * would.
 */
final class TimelineFixture extends TestRows {

	TimelineFixture(JdbcClient jdbc) {
		super(jdbc);
	}

	void alias(long entityId, String alias) {
		this.jdbc.sql(
				"insert into entity_alias (entity_id, alias, match) values (:id, :alias, 'folded') on conflict do nothing")
			.param("id", entityId)
			.param("alias", alias)
			.update();
	}

	void role(long entityId, String role, String title, LocalDate from, LocalDate to) {
		this.jdbc.sql(
				"insert into person_role (entity_id, role, title, valid_from, valid_to) values (:id, :role, :title, :from, :to)")
			.param("id", entityId)
			.param("role", role)
			.param("title", title)
			.param("from", from)
			.param("to", to)
			.update();
	}

	ItemBuilder item(long sourceId, String title) {
		return new ItemBuilder(sourceId, title);
	}

	/**
	 * Records that the item names the entity at the first occurrence of the surface text.
	 */
	void mention(long itemId, long entityId, String surface) {
		String body = this.jdbc.sql("select body_text from item where id = :id")
			.param("id", itemId)
			.query(String.class)
			.single();
		int start = body.indexOf(surface);
		if (start < 0) {
			throw new IllegalArgumentException(surface + " is not in item " + itemId);
		}
		this.jdbc.sql("""
				insert into mention (item_id, entity_id, start_pos, end_pos, surface, confidence, resolved_by)
				values (:item, :entity, :start, :end, :surface, 0.9, 'alias')
				""")
			.param("item", itemId)
			.param("entity", entityId)
			.param("start", start)
			.param("end", start + surface.length())
			.param("surface", surface)
			.update();
		tag(itemId, entityId);
	}

	/** An item_entity row without a positioned mention (e.g. matched in the title). */
	void tag(long itemId, long entityId) {
		this.jdbc.sql("""
				insert into item_entity (item_id, entity_id, published_at, mentions, confidence)
				select id, :entity, published_at, 1, 0.9 from item where id = :item
				on conflict (item_id, entity_id) do update set mentions = item_entity.mentions + 1
				""").param("item", itemId).param("entity", entityId).update();
	}

	void version(long itemId, int version, String title, String body, Instant from, Instant to) {
		this.jdbc
			.sql("""
					insert into item_version (item_id, version, title, body_html, body_text, content_hash, valid_from, valid_to)
					values (:item, :version, :title, :body, :body, md5(:body), :from, :to)
					""")
			.param("item", itemId)
			.param("version", version)
			.param("title", title)
			.param("body", body)
			.param("from", utc(from))
			.param("to", utc(to))
			.update();
	}

	long story() {
		return this.jdbc.sql("insert into story default values returning id").query(Long.class).single();
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	final class ItemBuilder {

		private final long sourceId;

		private final String title;

		private String body = "";

		private String html;

		private Instant published = Instant.now();

		private String precision = "time";

		private String type = "press-release";

		private String language = "en";

		private String author;

		private Long story;

		private ItemBuilder(long sourceId, String title) {
			this.sourceId = sourceId;
			this.title = title;
		}

		ItemBuilder body(String text) {
			this.body = text;
			return this;
		}

		ItemBuilder html(String html) {
			this.html = html;
			return this;
		}

		ItemBuilder published(Instant published) {
			this.published = published;
			return this;
		}

		ItemBuilder dateOnly() {
			this.precision = "date";
			return this;
		}

		ItemBuilder type(String type) {
			this.type = type;
			return this;
		}

		ItemBuilder language(String language) {
			this.language = language;
			return this;
		}

		ItemBuilder author(String author) {
			this.author = author;
			return this;
		}

		ItemBuilder story(long story) {
			this.story = story;
			return this;
		}

		long insert() {
			String key = "test:" + UUID.randomUUID();
			String bodyHtml = (this.html != null) ? this.html
					: "<p>" + this.body.replace("&", "&amp;").replace("<", "&lt;").replace("\n\n", "</p><p>") + "</p>";
			return TimelineFixture.this.jdbc.sql("""
					insert into item (source_id, canonical_key, url, title, item_type, language, author, published_at,
					  published_precision, first_seen_at, updated_at, body_html, body_text, content_hash, story_id)
					values (:source, :key, :url, :title, :type, :language, :author, :published, :precision, :published,
					  :published, :html, :body, md5(:body), :story)
					returning id
					""")
				.param("source", this.sourceId)
				.param("key", key)
				.param("url", "https://example.org/" + key.substring(5))
				.param("title", this.title)
				.param("type", this.type)
				.param("language", this.language)
				.param("author", this.author)
				.param("published", utc(this.published))
				.param("precision", this.precision)
				.param("html", bodyHtml)
				.param("body", this.body)
				.param("story", this.story)
				.query(Long.class)
				.single();
		}

	}

}
