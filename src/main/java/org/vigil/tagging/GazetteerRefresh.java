package org.vigil.tagging;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.vigil.shared.ReferenceDataMigration;
import org.vigil.shared.ResourceChecksum;

/**
 * Repeatable migration: applies the shipped gazetteer ({@code db/gazetteer/*.yaml})
 * whenever a file changed. Its checksum is the files', so Flyway runs it on the first
 * start after a change and never otherwise. It adds what the files add and updates what
 * they change (names, Wikidata ids, parents, a role's title and end, a phrase's scope);
 * it deletes nothing, so the entities and aliases admins added from candidates stay. On a
 * fresh database it is what loads the gazetteer. When anything changed in a loaded
 * gazetteer its version goes up, and items are re-tagged.
 */
@Component
class GazetteerRefresh extends ReferenceDataMigration {

	private static final Logger log = LoggerFactory.getLogger(GazetteerRefresh.class);

	GazetteerRefresh() {
		super("gazetteer from db gazetteer yaml");
	}

	@Override
	public Integer getChecksum() {
		// The files GazetteerFiles reads, in its order.
		List<ClassPathResource> files = new ArrayList<>();
		GazetteerFiles.ENTITY_FILES
			.forEach((file) -> files.add(new ClassPathResource("db/gazetteer/" + file + ".yaml")));
		files.add(new ClassPathResource("db/gazetteer/roles.yaml"));
		return ResourceChecksum.of(files);
	}

	@Override
	protected void apply(JdbcTemplate jdbc) {
		boolean firstLoad = !Boolean.TRUE
			.equals(jdbc.queryForObject("select exists (select 1 from entity)", Boolean.class));
		int changed = apply(jdbc, GazetteerFiles.load());
		if (changed > 0) {
			if (!firstLoad) {
				jdbc.update("update gazetteer_version set version = version + 1, changed_at = now() where id = 1");
			}
			jdbc.execute("analyze entity; analyze entity_alias; analyze person_role; analyze role_phrase");
		}
		log.info("gazetteer files applied: {} row(s) added or changed", changed);
	}

	static int apply(JdbcTemplate jdbc, GazetteerData data) {
		List<GazetteerData.Entity> entities = data.entities();
		int changed = sum(jdbc.batchUpdate("""
				insert into entity (type, key, name, wikidata, country_code, kind, attributes)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
				on conflict (type, key) do update set name = excluded.name, wikidata = excluded.wikidata,
				  country_code = excluded.country_code, kind = excluded.kind,
				  attributes = (entity.attributes - 'recurring') || excluded.attributes, updated_at = now()
				where (entity.name, entity.wikidata, entity.country_code, entity.kind, entity.attributes -> 'recurring')
				  is distinct from (excluded.name, excluded.wikidata, excluded.country_code, excluded.kind,
				  excluded.attributes -> 'recurring')""", rows(entities, (e) -> new Object[] { e.type(), e.key(),
				e.name(), e.wikidata(), e.countryCode(), e.kind(), e.recurring() ? "{\"recurring\": true}" : "{}" })));
		Map<String, Long> ids = new HashMap<>();
		jdbc.query("select id, type, key from entity", (org.springframework.jdbc.core.RowCallbackHandler) (rs) -> ids
			.put(rs.getString(2) + "/" + rs.getString(3), rs.getLong(1)));
		List<GazetteerData.Entity> children = entities.stream().filter((e) -> e.parentKey() != null).toList();
		changed += sum(jdbc.batchUpdate("""
				update entity e set parent_id = p.id
				from (select id from entity where key = ? and type in ('programme', 'organisation')
				      order by type = ? desc limit 1) p
				where e.id = ? and e.parent_id is distinct from p.id""",
				rows(children, (e) -> new Object[] { e.parentKey(), e.type(), ids.get(e.type() + "/" + e.key()) })));
		List<Object[]> aliases = new ArrayList<>();
		List<Object[]> roleUpdates = new ArrayList<>();
		List<Object[]> roleInserts = new ArrayList<>();
		for (GazetteerData.Entity e : entities) {
			long id = ids.get(e.type() + "/" + e.key());
			e.aliases().forEach((a) -> aliases.add(new Object[] { id, a.text(), a.match() }));
			for (GazetteerData.Role r : e.roles()) {
				Date from = (r.from() != null) ? Date.valueOf(r.from()) : null;
				Date to = (r.to() != null) ? Date.valueOf(r.to()) : null;
				roleUpdates.add(new Object[] { r.title(), to, id, r.role(), from, r.title(), to });
				roleInserts.add(new Object[] { id, r.role(), r.title(), from, to, id, r.role(), from });
			}
		}
		changed += sum(jdbc.batchUpdate(
				"insert into entity_alias (entity_id, alias, match) values (?, ?, ?) on conflict do nothing", aliases));
		// A person's office is known by who, which office and since when; its end and
		// title may change.
		changed += sum(jdbc.batchUpdate("""
				update person_role set title = cast(? as text), valid_to = cast(? as date)
				where entity_id = ? and role = ? and valid_from is not distinct from cast(? as date)
				  and (title is distinct from cast(? as text) or valid_to is distinct from cast(? as date))""",
				roleUpdates));
		changed += sum(jdbc.batchUpdate("""
				insert into person_role (entity_id, role, title, valid_from, valid_to)
				select cast(? as bigint), cast(? as text), cast(? as text), cast(? as date), cast(? as date)
				where not exists (select 1 from person_role
				  where entity_id = ? and role = ? and valid_from is not distinct from cast(? as date))""",
				roleInserts));
		changed += sum(jdbc.batchUpdate("""
				insert into role_phrase (role, phrase, bare, in_context_of) values (?, ?, ?, ?)
				on conflict (role, phrase) do update set bare = excluded.bare, in_context_of = excluded.in_context_of
				where (role_phrase.bare, role_phrase.in_context_of)
				  is distinct from (excluded.bare, excluded.in_context_of)""",
				rows(data.rolePhrases(), (p) -> new Object[] { p.role(), p.phrase(), p.bare(), p.inContextOf() })));
		return changed;
	}

	private static <T> List<Object[]> rows(List<T> values, java.util.function.Function<T, Object[]> row) {
		return values.stream().map(row).toList();
	}

	private static int sum(int[] counts) {
		int sum = 0;
		for (int count : counts) {
			sum += Math.max(count, 0);
		}
		return sum;
	}

}
