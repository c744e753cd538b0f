package org.vigil.items;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Corrections people make to a stored item: its publication date (an imported file often
 * has none, and an item without a date is not on the timeline), and what it is (source,
 * type). Each change publishes {@link ItemStored}, so tagging re-reads the item: its
 * entity links carry the date, and roles resolve by it.
 */
@Service
public class ItemEdits {

	/**
	 * An item as an edit finds it.
	 *
	 * @param id the item
	 * @param canonicalKey its key
	 * @param sourceId its source
	 * @param title its title
	 * @param publishedAt its publication time, or null
	 */
	public record Known(long id, String canonicalKey, long sourceId, String title, Instant publishedAt) {

	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	ItemEdits(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
	}

	public Optional<Known> find(long id) {
		return this.jdbc
			.query("select id, canonical_key, source_id, title, published_at from item where id = ?",
					(rs, n) -> known(rs), id)
			.stream()
			.findFirst();
	}

	/**
	 * The item with this canonical key, else the oldest with this content hash (the same
	 * document stored under another address).
	 */
	public Optional<Known> findByKeyOrContent(String canonicalKey, String contentHash) {
		return this.jdbc
			.query("select id, canonical_key, source_id, title, published_at from item where canonical_key = ?",
					(rs, n) -> known(rs), canonicalKey)
			.stream()
			.findFirst()
			.or(() -> this.jdbc
				.query("select id, canonical_key, source_id, title, published_at from item where content_hash = ? "
						+ "order by id limit 1", (rs, n) -> known(rs), contentHash)
				.stream()
				.findFirst());
	}

	/**
	 * Sets the publication date; returns false when the item does not exist.
	 * @param precision {@code date} (a calendar day, kept as midnight UTC) or
	 * {@code time}
	 * @param raw the date as given, kept as the item's printed date
	 */
	public boolean setPublished(long id, Instant publishedAt, String precision, String raw) {
		Integer changed = this.transactions.execute((status) -> {
			if (this.jdbc.queryForList("select id from item where id = ? for update", Long.class, id).isEmpty()) {
				return null;
			}
			int updated = this.jdbc.update(
					"update item set published_at = ?, published_precision = ?, published_raw = ? where id = ? "
							+ "and (published_at is distinct from ? or published_precision <> ?)",
					Timestamp.from(publishedAt), precision, raw, id, Timestamp.from(publishedAt), precision);
			publishIfChanged(id, updated);
			return updated;
		});
		return changed != null;
	}

	/** Files the item under another source and type (what it is, shown as its badge). */
	public void relabel(long id, long sourceId, String type) {
		this.transactions.executeWithoutResult((status) -> publishIfChanged(id,
				this.jdbc.update(
						"update item set source_id = ?, item_type = coalesce(?, item_type) where id = ? "
								+ "and (source_id <> ? or item_type is distinct from coalesce(?, item_type))",
						sourceId, type, id, sourceId, type)));
	}

	/**
	 * In the edit's transaction, so that the event is recorded durably with the change.
	 */
	private void publishIfChanged(long id, int changedRows) {
		if (changedRows > 0) {
			this.events.publishEvent(new ItemStored(id, false));
		}
	}

	private static Known known(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp published = rs.getTimestamp("published_at");
		return new Known(rs.getLong("id"), rs.getString("canonical_key"), rs.getLong("source_id"),
				rs.getString("title"), (published != null) ? published.toInstant() : null);
	}

}
