package org.vigil.tagging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tags one stored item — title and body as one document — and replaces its mention and
 * item_entity rows; names that look new become candidates for review.
 */
@Service
class ItemTagger {

	private final JdbcTemplate jdbc;

	private final GazetteerSnapshots snapshots;

	private final TransactionTemplate transaction;

	private final CandidateStore candidates;

	private final Clock clock;

	ItemTagger(JdbcTemplate jdbc, GazetteerSnapshots snapshots, TransactionTemplate transaction,
			CandidateStore candidates, Clock clock) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.transaction = transaction;
		this.candidates = candidates;
		this.clock = clock;
	}

	private record StoredItem(String title, String body, Timestamp publishedAt, String sourceKey,
			String sourceCountry) {

	}

	/**
	 * Tags the item; returns the number of mentions stored (0 when it no longer exists).
	 */
	int tag(long itemId) {
		List<StoredItem> rows = this.jdbc.query("""
				select i.title, i.body_text, i.published_at, s.key, s.country_code
				from item_view i join source_view s on s.id = i.source_id where i.id = ?""",
				(rs, row) -> new StoredItem(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4),
						rs.getString(5)),
				itemId);
		if (rows.isEmpty()) {
			return 0;
		}
		StoredItem item = rows.get(0);
		Gazetteer gazetteer = this.snapshots.current();
		LocalDate date = (item.publishedAt() != null)
				? item.publishedAt().toInstant().atOffset(ZoneOffset.UTC).toLocalDate() : LocalDate.now(this.clock);
		Set<String> scopes = new HashSet<>();
		if (item.sourceKey() != null) {
			scopes.add(item.sourceKey().toUpperCase(Locale.ROOT));
		}
		if (item.sourceCountry() != null) {
			scopes.add(item.sourceCountry().strip());
		}
		// Title and body are one document (a surname in the body resolves to the name in
		// the title); a paragraph break keeps matches from spanning the two.
		String title = (item.title() != null) ? item.title() : "";
		String body = (item.body() != null) ? item.body() : "";
		int bodyOffset = title.length() + 2;
		String document = title + "\n\n" + body;
		List<Tagger.Mention> mentions = Tagger.tag(gazetteer, document, new Tagger.Context(date, scopes));
		List<NewName> newNames = NewNames.find(document, mentions);
		this.transaction.executeWithoutResult((status) -> {
			// The listener and a re-tag job may tag the same item at once: one at a time,
			// serialised on the item's tagging row (tagging's own), written first.
			if (this.jdbc.queryForList("select id from item_view where id = ?", Long.class, itemId).isEmpty()) {
				return;
			}
			this.jdbc.update("""
					insert into item_tagging (item_id, gazetteer_version, tagged_at) values (?, ?, ?)
					on conflict (item_id) do update set gazetteer_version = excluded.gazetteer_version,
					                                    tagged_at = excluded.tagged_at""", itemId, gazetteer.version,
					Timestamp.from(this.clock.instant()));
			this.jdbc.update("delete from mention where item_id = ?", itemId);
			this.jdbc.update("delete from item_entity where item_id = ?", itemId);
			List<Object[]> mentionRows = new ArrayList<>();
			Map<Long, float[]> perEntity = new LinkedHashMap<>();
			for (Tagger.Mention m : mentions) {
				long entityId = gazetteer.entity(m.entity()).id();
				boolean inTitle = m.start() < title.length();
				int offset = inTitle ? 0 : bodyOffset;
				mentionRows.add(new Object[] { itemId, entityId, m.start() - offset, m.end() - offset, inTitle,
						m.surface(), m.confidence(), m.resolvedBy() });
				float[] agg = perEntity.computeIfAbsent(entityId, (id) -> new float[2]);
				agg[0]++;
				agg[1] = Math.max(agg[1], m.confidence());
			}
			this.jdbc.batchUpdate(
					"""
							insert into mention (item_id, entity_id, start_pos, end_pos, in_title, surface, confidence, resolved_by)
							values (?, ?, ?, ?, ?, ?, ?, ?)""",
					mentionRows);
			List<Object[]> entityRows = new ArrayList<>();
			perEntity.forEach((entityId, agg) -> entityRows
				.add(new Object[] { itemId, entityId, item.publishedAt(), (int) agg[0], agg[1] }));
			this.jdbc.batchUpdate(
					"insert into item_entity (item_id, entity_id, published_at, mentions, confidence) values (?, ?, ?, ?, ?)",
					entityRows);
			this.candidates.record(itemId, newNames);
		});
		return mentions.size();
	}

}
