package org.vigil.tagging;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Keeps new-name candidates and their contexts for review. */
@Repository
class CandidateStore {

	private final JdbcTemplate jdbc;

	CandidateStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(long itemId, List<NewName> names) {
		for (NewName name : names) {
			Long id = this.jdbc.queryForObject("""
					insert into entity_candidate (name, folded, kind, cue) values (?, ?, ?, ?)
					on conflict (folded) do update set last_seen = now(),
					    occurrences = entity_candidate.occurrences
					        + (case when exists (select 1 from entity_candidate_context c
					                             where c.candidate_id = entity_candidate.id and c.item_id = ?)
					                then 0 else 1 end)
					returning id""", Long.class, name.name(), Folding.fold(name.name()), name.kind(), name.cue(),
					itemId);
			this.jdbc.update("""
					insert into entity_candidate_context (candidate_id, item_id, context) values (?, ?, ?)
					on conflict (candidate_id, item_id) do update set context = excluded.context""", id, itemId,
					name.context());
		}
	}

}
