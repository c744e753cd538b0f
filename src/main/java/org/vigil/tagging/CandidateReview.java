package org.vigil.tagging;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on new-name candidates: accept (a new entity), merge (an alias of an existing
 * entity) or reject. Accepting or merging changes the gazetteer, so items are re-tagged.
 */
@Service
class CandidateReview {

	/** A candidate with a few of the sentences it was seen in. */
	record Candidate(long id, String name, String kind, String cue, int occurrences, List<String> contexts) {

	}

	private final JdbcTemplate jdbc;

	private final GazetteerRepository gazetteer;

	private final RetagJobs jobs;

	CandidateReview(JdbcTemplate jdbc, GazetteerRepository gazetteer, RetagJobs jobs) {
		this.jdbc = jdbc;
		this.gazetteer = gazetteer;
		this.jobs = jobs;
	}

	List<Candidate> waiting() {
		return this.jdbc.query("""
				select id, name, kind, cue, occurrences from entity_candidate
				where status = 'new' order by occurrences desc, id limit 100""",
				(rs, row) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5), this.jdbc.queryForList("""
								select context from entity_candidate_context where candidate_id = ?
								order by id desc limit 3""", String.class, rs.getLong(1))));
	}

	/** Creates an entity of the given type named as the candidate. */
	@Transactional
	long accept(long candidateId, String type) {
		String name = name(candidateId);
		String base = slug(name);
		String key = base;
		for (int n = 2; exists(type, key); n++) {
			key = base + "-" + n;
		}
		Long entityId = this.jdbc.queryForObject(
				"insert into entity (type, key, name, attributes) values (?, ?, ?, '{\"source\": \"candidate\"}'::jsonb) returning id",
				Long.class, type, key, name);
		this.jdbc.update("insert into entity_alias (entity_id, alias, match) values (?, ?, 'folded')", entityId, name);
		if ("person".equals(type)) {
			String[] words = name.split("\\s+");
			String surname = words[words.length - 1];
			if (words.length > 1 && surname.length() >= 4) {
				this.jdbc.update(
						"insert into entity_alias (entity_id, alias, match) values (?, ?, 'surname') on conflict do nothing",
						entityId, surname);
			}
		}
		decide(candidateId, "accepted", entityId);
		return entityId;
	}

	/** Adds the candidate as an alias of the entity with this key or name. */
	@Transactional
	Optional<Long> merge(long candidateId, String entity) {
		List<Long> ids = this.jdbc.queryForList("""
				select id from entity where key = ? or lower(name) = lower(?)
				order by (key = ?) desc, id limit 1""", Long.class, entity.strip(), entity.strip(), entity.strip());
		if (ids.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.update(
				"insert into entity_alias (entity_id, alias, match) values (?, ?, 'folded') on conflict do nothing",
				ids.get(0), name(candidateId));
		decide(candidateId, "merged", ids.get(0));
		return Optional.of(ids.get(0));
	}

	@Transactional
	void reject(long candidateId) {
		this.jdbc.update("update entity_candidate set status = 'rejected' where id = ?", candidateId);
	}

	/** After the transaction: the changed gazetteer is picked up and items re-tagged. */
	void retag(String reason) {
		this.jobs.enqueue(reason);
	}

	private void decide(long candidateId, String status, long entityId) {
		this.jdbc.update("update entity_candidate set status = ?, entity_id = ? where id = ?", status, entityId,
				candidateId);
		this.jdbc.update("update entity set updated_at = now() where id = ?", entityId);
		this.gazetteer.bump();
	}

	private String name(long candidateId) {
		return this.jdbc.queryForObject("select name from entity_candidate where id = ?", String.class, candidateId);
	}

	private boolean exists(String type, String key) {
		Integer count = this.jdbc.queryForObject("select count(*) from entity where type = ? and key = ?",
				Integer.class, type, key);
		return count != null && count > 0;
	}

	static String slug(String name) {
		String slug = Folding.fold(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return slug.isEmpty() ? "entity" : slug;
	}

}
