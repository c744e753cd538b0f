package org.vigil.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on new-name candidates, one or many at a time: accept (a new entity), merge
 * (an alias of an existing entity) or reject. Accepting or merging changes the gazetteer,
 * so items are re-tagged.
 */
@Service
class CandidateReview {

	/** A candidate with a few of the sentences it was seen in. */
	record Candidate(long id, String name, String kind, String cue, int occurrences, List<String> contexts) {

	}

	/** Example sentences shown per candidate. */
	static final int EXAMPLES = 2;

	private final JdbcTemplate jdbc;

	private final GazetteerRepository gazetteer;

	private final RetagJobs jobs;

	CandidateReview(JdbcTemplate jdbc, GazetteerRepository gazetteer, RetagJobs jobs) {
		this.jdbc = jdbc;
		this.gazetteer = gazetteer;
		this.jobs = jobs;
	}

	/** An existing entity a candidate may be merged into. */
	record EntityOption(String key, String name, String type) {

	}

	/**
	 * The candidates waiting for a decision, most often seen first, with two sentences
	 * each.
	 */
	List<Candidate> waiting(int limit) {
		List<Candidate> candidates = this.jdbc.query("""
				select id, name, kind, cue, occurrences from entity_candidate
				where status = 'new' order by occurrences desc, id limit ?""", (rs, row) -> new Candidate(rs.getLong(1),
				rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), new ArrayList<>()), limit);
		Map<Long, Candidate> byId = new HashMap<>();
		candidates.forEach((c) -> byId.put(c.id(), c));
		if (!candidates.isEmpty()) {
			this.jdbc.query("""
					select candidate_id, context from (
					  select candidate_id, context, row_number() over (partition by candidate_id order by id desc) as n
					  from entity_candidate_context where candidate_id = any (string_to_array(?, ',')::bigint[])) c
					where n <= ? order by candidate_id, n""",
					(org.springframework.jdbc.core.RowCallbackHandler) (
							rs) -> byId.get(rs.getLong(1)).contexts().add(rs.getString(2)),
					ids(candidates.stream().map(Candidate::id).toList()), EXAMPLES);
		}
		return candidates;
	}

	/** How many candidates wait for a decision. */
	long waitingCount() {
		Long count = this.jdbc.queryForObject("select count(*) from entity_candidate where status = 'new'", Long.class);
		return (count != null) ? count : 0;
	}

	/** Entities whose name or key starts with, or whose name contains, what was typed. */
	List<EntityOption> entities(String typed, int limit) {
		String q = (typed != null) ? typed.strip() : "";
		if (q.length() < 2) {
			return List.of();
		}
		return this.jdbc.query("""
				select key, name, type from entity
				where lower(name) like '%' || lower(?) || '%' or key like lower(?) || '%'
				order by (lower(name) like lower(?) || '%') desc, length(name), name limit ?""",
				(rs, n) -> new EntityOption(rs.getString(1), rs.getString(2), rs.getString(3)), q, q, q, limit);
	}

	/**
	 * Of these ids, the candidates still waiting, so a repeated post decides nothing
	 * twice.
	 */
	List<Long> stillWaiting(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.queryForList(
				"select id from entity_candidate where id = any (string_to_array(?, ',')::bigint[]) and status = 'new' order by id",
				Long.class, ids(ids));
	}

	/** Accepts each candidate as a new entity of the type; returns how many. */
	@Transactional
	int acceptAll(List<Long> ids, String type) {
		List<Long> waiting = stillWaiting(ids);
		waiting.forEach((id) -> accept(id, type));
		return waiting.size();
	}

	/** Rejects each candidate; returns how many. */
	@Transactional
	int rejectAll(List<Long> ids) {
		List<Long> waiting = stillWaiting(ids);
		waiting.forEach(this::reject);
		return waiting.size();
	}

	/**
	 * Adds each candidate as an alias of the entity with this key or name; empty when
	 * there is no such entity, else how many.
	 */
	@Transactional
	Optional<Integer> mergeAll(List<Long> ids, String entity) {
		if (entityId(entity).isEmpty()) {
			return Optional.empty();
		}
		List<Long> waiting = stillWaiting(ids);
		waiting.forEach((id) -> merge(id, entity));
		return Optional.of(waiting.size());
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
		Optional<Long> id = entityId(entity);
		id.ifPresent((entityId) -> {
			this.jdbc.update(
					"insert into entity_alias (entity_id, alias, match) values (?, ?, 'folded') on conflict do nothing",
					entityId, name(candidateId));
			decide(candidateId, "merged", entityId);
		});
		return id;
	}

	private Optional<Long> entityId(String entity) {
		String typed = (entity != null) ? entity.strip() : "";
		return this.jdbc.queryForList("""
				select id from entity where key = ? or lower(name) = lower(?)
				order by (key = ?) desc, id limit 1""", Long.class, typed, typed, typed).stream().findFirst();
	}

	/** Ids as one text parameter: JdbcTemplate binds no Java array. */
	private static String ids(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
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
