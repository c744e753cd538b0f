package org.vigil.timeline;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many items a timeline filter matches, and per filter value: bounded work however
 * broad the filter, so the counts cost the same at a thousand items and at a million.
 */
@Repository
class TimelineCounts {

	private final JdbcClient jdbc;

	TimelineCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record FacetValue(String dimension, String value, String label, long count) {

	}

	/**
	 * The number of matches.
	 *
	 * @param count exact when {@code more} is false, else the cap
	 * @param more whether more than {@code count} items match
	 */
	record Total(long count, boolean more) {

	}

	/**
	 * The exact number of matches up to {@code cap}; beyond, that there are more. The
	 * LIMIT inside stops the scan at cap + 1 rows: at 1,000,000 items an unfiltered count
	 * reads 10,001 entries of the published-time index instead of the table.
	 */
	Total total(TimelineFilter filter, int cap) {
		Where where = Where.of(filter, null, null);
		where.param("over", cap + 1);
		long count = this.jdbc
			.sql("select count(*) from (select 1 from item_view i join source_view s on s.id = i.source_id where "
					+ where.sql() + " limit :over) m")
			.params(where.params())
			.query(Long.class)
			.single();
		return (count > cap) ? new Total(cap, true) : new Total(count, false);
	}

	/**
	 * Counts per filter value over the newest {@code cap} matches: bounded work however
	 * broad the filter, exact whenever fewer items match.
	 */
	Facets facets(TimelineFilter filter, int cap) {
		Where where = Where.of(filter, null, null);
		where.param("cap", cap);
		String matches = "with m as materialized (select i.id, i.source_id, i.item_type, i.language from item_view i"
				+ " join source_view s on s.id = i.source_id where " + where.sql()
				+ " order by i.published_at desc, i.id desc limit :cap)";
		List<FacetValue> values = this.jdbc
			.sql(matches
					+ """
							select 'total' as dimension, '' as value, '' as label, count(*) as n from m
							union all
							select e.type, e.key, e.name, count(*) from m join item_entity_view ie on ie.item_id = m.id
							  join entity_view e on e.id = ie.entity_id group by e.type, e.key, e.name
							union all
							select 'source', s.key, s.name, count(*) from m join source_view s on s.id = m.source_id group by s.key, s.name
							union all
							select 'type', m.item_type, m.item_type, count(*) from m group by m.item_type
							union all
							select 'lang', m.language, m.language, count(*) from m where m.language is not null group by m.language
							""")
			.params(where.params())
			.query((rs, n) -> new FacetValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
		return Facets.of(values, cap);
	}

}
