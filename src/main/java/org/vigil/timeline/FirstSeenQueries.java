package org.vigil.timeline;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ids of every item a filter matched among those Vigil first saw in a window, for
 * counting the items of several filters once each (the digest's total over a user's saved
 * searches). The window is read first, as in {@link TimelineQueries}' first-seen queries:
 * a week holds few items, and testing the filter on each is cheaper than the plans
 * PostgreSQL picks for a broad entity or word.
 */
@Repository
class FirstSeenQueries {

	private final JdbcClient jdbc;

	FirstSeenQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long[] ids(TimelineFilter filter, Instant since, Instant until) {
		Where where = Where.of(filter, null, null);
		where.param("since", TimelineQueries.utc(since)).param("until", TimelineQueries.utc(until));
		return this.jdbc
			.sql("select i.id from (select * from item_view where first_seen_at >= :since and first_seen_at < :until"
					+ " offset 0) i join source_view s on s.id = i.source_id where " + where.sql() + " order by i.id")
			.params(where.params())
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

}
