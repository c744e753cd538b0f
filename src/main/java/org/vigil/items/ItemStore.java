package org.vigil.items;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores items: one per canonical key, unchanged content writes nothing, changed content
 * keeps the earlier text as a version, every stored page keeps its raw capture, and the
 * same statement from two sources becomes one story. {@link ItemStored} is published in
 * the transaction that stores the item, so it is recorded durably with it.
 */
@Service
public class ItemStore {

	private static final Logger log = LoggerFactory.getLogger(ItemStore.class);

	/** How a draft was stored. */
	public enum Outcome {

		NEW, UPDATED, UNCHANGED

	}

	/**
	 * The result of storing a draft.
	 *
	 * @param itemId the item
	 * @param outcome new, updated or unchanged
	 */
	public record Stored(long itemId, Outcome outcome) {

	}

	private record Existing(long id, String contentHash, int version, String title, String bodyHtml, String bodyText,
			Instant updatedAt) {

	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	/** How far apart two sources' copies of one statement may be published. */
	private static final Duration STORY_WINDOW = Duration.ofDays(3);

	private final Clock clock;

	ItemStore(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	public Stored store(ItemDraft draft) {
		return this.transactions.execute(status -> {
			Stored stored = storeInTransaction(draft);
			if (stored.outcome() != Outcome.UNCHANGED) {
				// Inside the transaction: the event publication registry records it with
				// the item (both commit or neither), and listeners run after the commit.
				this.events.publishEvent(new ItemStored(stored.itemId(), stored.outcome() == Outcome.NEW));
			}
			return stored;
		});
	}

	/** The hash that decides whether content changed: title, text and withdrawal. */
	public static String contentHash(ItemDraft draft) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(draft.title().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(draft.bodyText().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(String.valueOf(draft.withdrawnAt()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Notes why an item's text may be incomplete (a site rule that missed), or clears it
	 * with null once a page is read whole again.
	 */
	public void notePartialReason(long itemId, String reason) {
		this.jdbc.update("update item set partial_reason = ? where id = ? and partial_reason is distinct from ?",
				reason, itemId, reason);
	}

	private Stored storeInTransaction(ItemDraft draft) {
		Instant now = this.clock.instant();
		String hash = contentHash(draft);
		Existing existing = find(draft.canonicalKey());
		if (existing == null) {
			List<Long> inserted = this.jdbc.queryForList("insert into item (source_id, canonical_key, url, title, "
					+ "item_type, language, author, published_at, published_precision, published_raw, first_seen_at, "
					+ "updated_at, summary, body_html, body_text, content_hash, partial, withdrawn_at, withdrawn_note) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, 'time'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
					+ "on conflict (canonical_key) do nothing returning id", Long.class, draft.sourceId(),
					draft.canonicalKey(), draft.url(), draft.title(), draft.type(), draft.language(), draft.author(),
					timestamp(draft.publishedAt()), draft.publishedPrecision(), draft.publishedRaw(), timestamp(now),
					timestamp(now), draft.summary(), draft.bodyHtml(), draft.bodyText(), hash, draft.partial(),
					timestamp(draft.withdrawnAt()), draft.withdrawnNote());
			if (!inserted.isEmpty()) {
				long id = inserted.get(0);
				capture(draft, id);
				linkStory(id, draft, now);
				log.debug("item={} source={} key={} stored new", id, draft.sourceId(), draft.canonicalKey());
				return new Stored(id, Outcome.NEW);
			}
			// Another transaction stored the same key a moment ago.
			existing = find(draft.canonicalKey());
		}
		if (existing.contentHash().equals(hash)) {
			return new Stored(existing.id(), Outcome.UNCHANGED);
		}
		this.jdbc.update(
				"insert into item_version (item_id, version, title, body_html, body_text, content_hash, valid_from, valid_to) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?)",
				existing.id(), existing.version(), existing.title(), existing.bodyHtml(), existing.bodyText(),
				existing.contentHash(), timestamp(existing.updatedAt()), timestamp(now));
		this.jdbc.update("update item set url = ?, title = ?, item_type = ?, language = ?, author = ?, "
				+ "published_at = coalesce(?, published_at), published_precision = coalesce(?, published_precision), published_raw = coalesce(?, published_raw), "
				+ "updated_at = ?, summary = ?, body_html = ?, body_text = ?, content_hash = ?, partial = ?, "
				+ "withdrawn_at = ?, withdrawn_note = ?, version = version + 1 where id = ?", draft.url(),
				draft.title(), draft.type(), draft.language(), draft.author(), timestamp(draft.publishedAt()),
				draft.publishedPrecision(), draft.publishedRaw(), timestamp(now), draft.summary(), draft.bodyHtml(),
				draft.bodyText(), hash, draft.partial(), timestamp(draft.withdrawnAt()), draft.withdrawnNote(),
				existing.id());
		capture(draft, existing.id());
		log.debug("item={} source={} key={} updated to version {}", existing.id(), draft.sourceId(),
				draft.canonicalKey(), existing.version() + 1);
		return new Stored(existing.id(), Outcome.UPDATED);
	}

	private Existing find(String canonicalKey) {
		return this.jdbc
			.query("select id, content_hash, version, title, body_html, body_text, updated_at from item "
					+ "where canonical_key = ? for update",
					(rs, row) -> new Existing(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
							rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()),
					canonicalKey)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private void capture(ItemDraft draft, long itemId) {
		ItemDraft.RawCapture capture = draft.capture();
		if (capture == null) {
			return;
		}
		this.jdbc.update(
				"insert into raw_capture (source_id, item_id, url, fetched_at, http_status, content_type, charset, "
						+ "body_gzip, extra) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))",
				draft.sourceId(), itemId, capture.url(), timestamp(capture.fetchedAt()), capture.httpStatus(),
				capture.contentType(), capture.charset(), gzip(capture.body()),
				(capture.extraJson() != null) ? capture.extraJson() : "{}");
	}

	/**
	 * The same statement from another source (same normalised title, or nearly the same
	 * opening text) joins its story.
	 */
	private void linkStory(long id, ItemDraft draft, Instant now) {
		String head = head(draft.bodyText());
		String title = draft.title();
		// Two lookups, each through its own index and materialized first: with one query
		// the planner walked the primary key in id order and filtered, reading more of
		// the table with every item stored.
		List<long[]> matches = List.of();
		if (title != null && title.length() >= 20) {
			matches = this.jdbc.query("""
					with same_title as materialized (
					  select id, story_id, source_id from item
					  where lower(regexp_replace(title, '[^[:alnum:]]+', ' ', 'g'))
					      = lower(regexp_replace(?, '[^[:alnum:]]+', ' ', 'g')))
					select id, coalesce(story_id, 0) from same_title where id <> ? and source_id <> ?
					order by id limit 1
					""", (rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }, title, id, draft.sourceId());
		}
		if (matches.isEmpty() && head.length() >= 200) {
			// The same statement from two sources comes out within days of each other, so
			// openings are compared only with other sources' items of the days around it
			// (a range of item_published or item_first_seen). A trigram index over all
			// openings was slower: its posting lists for common trigrams span the whole
			// table (4 s per lookup at 1,000,000 items).
			this.jdbc.execute("set local pg_trgm.similarity_threshold = 0.6");
			boolean dated = draft.publishedAt() != null;
			String column = dated ? "published_at" : "first_seen_at";
			Instant around = dated ? draft.publishedAt() : now;
			matches = this.jdbc.query("with nearby as materialized (select id, story_id, left(body_text, 500) as head"
					+ " from item where " + column + " >= ? and " + column + " < ? and source_id <> ? and id <> ?)"
					+ " select id, coalesce(story_id, 0) from nearby where head % ? order by id limit 1",
					(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }, timestamp(around.minus(STORY_WINDOW)),
					timestamp(around.plus(STORY_WINDOW)), draft.sourceId(), id, head);
		}
		if (matches.isEmpty()) {
			return;
		}
		long other = matches.get(0)[0];
		long story = matches.get(0)[1];
		if (story == 0) {
			story = this.jdbc.queryForObject("insert into story default values returning id", Long.class);
			this.jdbc.update("update item set story_id = ? where id = ?", story, other);
		}
		this.jdbc.update("update item set story_id = ? where id = ?", story, id);
	}

	static String head(String text) {
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	private static byte[] gzip(byte[] body) {
		var out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
