package org.vigil.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the entity page reads: the gazetteer entry, its weekly items and its company.
 */
@Repository
class EntityPageQueries {

	private final JdbcClient jdbc;

	EntityPageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Entity(EntityRef ref, String wikidata, String countryCode, String kind, String parentName) {

	}

	record Role(String role, String title, LocalDate from, LocalDate to) {

	}

	record Company(EntityRef entity, long items) {

	}

	/** Another name of the entity and how many mentions used it. */
	record AliasUse(String alias, long mentions) {

	}

	Optional<Entity> entity(EntityType type, String key) {
		return this.jdbc.sql("""
				select e.id, e.key, e.name, e.wikidata, e.country_code, e.kind, p.name as parent_name
				from entity_view e left join entity_view p on p.id = e.parent_id where e.type = :type and e.key = :key
				""")
			.param("type", type.key())
			.param("key", key)
			.query((rs, n) -> new Entity(
					new EntityRef(rs.getLong("id"), type, rs.getString("key"), rs.getString("name")),
					rs.getString("wikidata"), rs.getString("country_code"), rs.getString("kind"),
					rs.getString("parent_name")))
			.optional();
	}

	/**
	 * Its other names, the most used first: how often each matched in the mentions of its
	 * newest {@code sample} items (case aside), then the gazetteer's order.
	 */
	List<AliasUse> aliases(long entityId, String name, int sample) {
		return this.jdbc.sql("""
				with sample as (select item_id from item_entity_view where entity_id = :id
				                order by published_at desc nulls last, item_id desc limit :sample),
				used as (select lower(m.surface) as form, count(*) as n
				         from sample s join mention_view m on m.item_id = s.item_id and m.entity_id = :id group by 1)
				select a.alias, coalesce(u.n, 0) as n
				from (select alias, min(id) as first from entity_alias_view
				      where entity_id = :id and lower(alias) <> lower(:name) group by alias) a
				left join used u on u.form = lower(a.alias)
				order by n desc, a.first
				""")
			.param("id", entityId)
			.param("name", name)
			.param("sample", sample)
			.query((rs, n) -> new AliasUse(rs.getString("alias"), rs.getLong("n")))
			.list();
	}

	List<Role> roles(long entityId) {
		return this.jdbc.sql("""
				select role, title, valid_from, valid_to from person_role_view where entity_id = :id
				order by valid_to desc nulls first, valid_from desc nulls last
				""")
			.param("id", entityId)
			.query((rs, n) -> new Role(rs.getString("role"), rs.getString("title"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
			.list();
	}

	/**
	 * Distinct items per ISO week (weeks start on Monday, UTC) since the given Monday: an
	 * item that names the entity forty times counts once.
	 */
	Map<LocalDate, Long> weeklyItems(long entityId, LocalDate firstMonday) {
		Map<LocalDate, Long> weeks = new LinkedHashMap<>();
		this.jdbc.sql("""
				select (date_trunc('week', published_at at time zone 'UTC'))::date as week, count(*) as n
				from item_entity_view where entity_id = :id and published_at >= :since
				group by 1 order by 1
				""")
			.param("id", entityId)
			.param("since", firstMonday.atStartOfDay().atOffset(ZoneOffset.UTC))
			.query((rs, n) -> Map.entry(rs.getObject("week", LocalDate.class), rs.getLong("n")))
			.list()
			.forEach((entry) -> weeks.put(entry.getKey(), entry.getValue()));
		return weeks;
	}

	/**
	 * The entities most often named in the same items, over its newest {@code sample}
	 * items so that a much-mentioned country costs no more than a rare programme.
	 */
	List<Company> company(long entityId, int sample, int limit) {
		return this.jdbc.sql("""
				with recent as (select item_id from item_entity_view where entity_id = :id and published_at is not null
				                order by published_at desc, item_id desc limit :sample)
				select e.id, e.type, e.key, e.name, count(*) as n
				from recent r join item_entity_view o on o.item_id = r.item_id and o.entity_id <> :id
				join entity_view e on e.id = o.entity_id
				group by e.id, e.type, e.key, e.name order by n desc, e.name limit :limit
				""").param("id", entityId).param("sample", sample).param("limit", limit).query((rs, n) -> {
			EntityType type = EntityType.of(rs.getString("type")).orElse(null);
			return (type != null)
					? new Company(new EntityRef(rs.getLong("id"), type, rs.getString("key"), rs.getString("name")),
							rs.getLong("n"))
					: null;
		}).list().stream().filter(java.util.Objects::nonNull).toList();
	}

	/** Its newest items. */
	List<ItemPageQueries.Other> recent(long entityId, int limit) {
		return this.jdbc.sql("""
				select i.id, i.title, s.name as source_name, i.published_at, i.published_precision, 0 as shared
				from (select item_id from item_entity_view where entity_id = :id and published_at is not null
				      order by published_at desc, item_id desc limit :limit) r
				join item_view i on i.id = r.item_id join source_view s on s.id = i.source_id
				order by i.published_at desc, i.id desc
				""")
			.param("id", entityId)
			.param("limit", limit)
			.query((rs, n) -> new ItemPageQueries.Other(rs.getLong("id"), rs.getString("title"),
					rs.getString("source_name"), ItemPageQueries.instant(rs, "published_at"),
					"date".equals(rs.getString("published_precision")), 0))
			.list();
	}

	static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
