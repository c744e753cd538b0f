package org.vigil.items;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The items' own addresses (item.url) for a set of item ids, for exports that link to the
 * original page beside Vigil's.
 */
@Component
public class ItemAddresses {

	/**
	 * Ids per query: a bounded IN list keeps each statement's plan and size reasonable.
	 */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	ItemAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The original URL of each of these items that exists, by item id. */
	public Map<Long, String> originalUrls(Collection<Long> itemIds) {
		List<Long> ids = List.copyOf(itemIds);
		Map<Long, String> urls = new HashMap<>();
		for (int start = 0; start < ids.size(); start += BATCH) {
			this.jdbc.sql("select id, url from item where id in (:ids)")
				.param("ids", ids.subList(start, Math.min(ids.size(), start + BATCH)))
				.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("url")))
				.list()
				.forEach((entry) -> urls.put(entry.getKey(), entry.getValue()));
		}
		return urls;
	}

}
