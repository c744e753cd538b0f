package org.vigil.tagging;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the gazetteer tables into {@link GazetteerData}, and its version counter. */
@Repository
class GazetteerRepository {

	private final JdbcTemplate jdbc;

	GazetteerRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long version() {
		Long version = this.jdbc.queryForObject("select version from gazetteer_version where id = 1", Long.class);
		return (version == null) ? 0 : version;
	}

	/** Marks the gazetteer changed: snapshots reload and a re-tag job is queued. */
	long bump() {
		Long version = this.jdbc.queryForObject(
				"update gazetteer_version set version = version + 1, changed_at = now() where id = 1 returning version",
				Long.class);
		return (version == null) ? 0 : version;
	}

	GazetteerData load() {
		Map<Long, List<GazetteerData.Alias>> aliases = new HashMap<>();
		this.jdbc.query("select entity_id, alias, match from entity_alias order by id", (rs) -> {
			aliases.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new GazetteerData.Alias(rs.getString(2), rs.getString(3)));
		});
		Map<Long, List<GazetteerData.Role>> roles = new HashMap<>();
		this.jdbc.query("select entity_id, role, title, valid_from, valid_to from person_role order by id", (rs) -> {
			Date from = rs.getDate(4);
			Date to = rs.getDate(5);
			roles.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new GazetteerData.Role(rs.getString(2), rs.getString(3),
						(from != null) ? from.toLocalDate() : null, (to != null) ? to.toLocalDate() : null));
		});
		Map<Long, GazetteerData.Entity> entities = new LinkedHashMap<>();
		this.jdbc.query("""
				select e.id, e.type, e.key, e.name, e.wikidata, e.country_code, e.kind, p.key,
				       coalesce((e.attributes ->> 'recurring')::boolean, false)
				from entity e left join entity p on p.id = e.parent_id
				order by e.id""", (rs) -> {
			long id = rs.getLong(1);
			entities.put(id, new GazetteerData.Entity(id, rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
					List.copyOf(aliases.getOrDefault(id, List.of())), List.copyOf(roles.getOrDefault(id, List.of()))));
		});
		List<GazetteerData.RolePhrase> phrases = this.jdbc.query(
				"select role, phrase, bare, in_context_of from role_phrase order by id",
				(rs, row) -> new GazetteerData.RolePhrase(rs.getString(1), rs.getString(2), rs.getBoolean(3),
						rs.getString(4)));
		return new GazetteerData(List.copyOf(entities.values()), phrases);
	}

}
