package org.vigil.tagging;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the tagging admin page shows about the gazetteer and the items: entities per type,
 * and how many items are not yet tagged with the current gazetteer.
 */
@Component
class TaggingStatus {

	private final JdbcClient jdbc;

	TaggingStatus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many entities of one type the gazetteer has. */
	record EntityCount(String type, long entities) {

	}

	List<EntityCount> entityCounts() {
		return this.jdbc.sql("select type, count(*) as entities from entity group by type order by type")
			.query((rs, n) -> new EntityCount(rs.getString("type"), rs.getLong("entities")))
			.list();
	}

	/** Items never tagged, or tagged with an older gazetteer version. */
	long staleItems() {
		return this.jdbc.sql("""
				select count(*) from item_view i left join item_tagging t on t.item_id = i.id
				where t.gazetteer_version is distinct from (select version from gazetteer_version where id = 1)""")
			.query(Long.class)
			.single();
	}

}
