package org.vigil.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the digest's admin page shows: the last runs and the deliveries that are not done.
 */
@Repository
class DigestAdminQueries {

	private final JdbcClient jdbc;

	DigestAdminQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<DigestStore.Run> lastRuns(int limit) {
		return this.jdbc
			.sql("""
					select r.*, (select count(*) from digest_delivery d where d.run_id = r.id and d.status = 'pending') as retrying
					from digest_run r order by r.started_at desc, r.id desc limit :limit
					""")
			.param("limit", limit)
			.query(DigestStore::run)
			.list();
	}

	/** A delivery that is not done, or failed for good, for the admin page. */
	record Open(long userId, String email, LocalDate week, String status, int attempts, Instant nextAttemptAt,
			String claimedBy, String lastError) {

	}

	List<Open> openDeliveries(int limit) {
		return this.jdbc.sql("""
				select d.user_id, u.email, d.week, d.status, d.attempts, d.next_attempt_at, d.claimed_by, d.last_error
				from digest_delivery d join user_view u on u.id = d.user_id
				where d.status in ('pending', 'sending', 'failed')
				order by d.status = 'failed' desc, d.week desc, u.email limit :limit
				""")
			.param("limit", limit)
			.query((rs, n) -> new Open(rs.getLong("user_id"), rs.getString("email"),
					rs.getObject("week", LocalDate.class), rs.getString("status"), rs.getInt("attempts"),
					DigestStore.instantOrNull(rs, "next_attempt_at"), rs.getString("claimed_by"),
					rs.getString("last_error")))
			.list();
	}

}
