package org.vigil.items;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How many items each source has, for the sources' admin page. */
@Repository
public class ItemCounts {

	private final JdbcClient jdbc;

	ItemCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Item count by source id; a source without items is absent. */
	public Map<Long, Long> bySource() {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.sql("select source_id, count(*) from item group by source_id")
			.query((RowCallbackHandler) (rs) -> counts.put(rs.getLong(1), rs.getLong(2)));
		return counts;
	}

}
