package org.vigil.sources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The crawl's side of the {@code source} table, set-based and in SQL: claims with a short
 * lease ({@link SourceClaim}) that {@code SKIP LOCKED} keeps two instances from sharing,
 * and the outcome of each crawl. The error counter lives here; how long a failing source
 * waits is the caller's policy. The claim's token guards every write of the crawl's
 * outcome. None of this touches the source's version: a crawl never makes an admin's edit
 * stale.
 */
@Repository
public class SourceCrawlStore {

	private static final String CLAIM = "crawl_claim = gen_random_uuid(), crawl_owner = :owner, "
			+ "crawl_started_at = :now, crawl_lease_until = :until, crawl_progress = null";

	private static final String UNCLAIM = "crawl_claim = null, crawl_owner = null, crawl_lease_until = null, "
			+ "crawl_progress = null";

	private static final String RETURNING = " returning id, crawl_claim, crawl_owner, crawl_lease_until";

	private static final String STATE_COLUMNS = "crawl_owner, crawl_started_at, crawl_lease_until, crawl_progress, last_outcome";

	private final JdbcClient jdbc;

	private final SourceRepository sources;

	SourceCrawlStore(JdbcClient jdbc, SourceRepository sources) {
		this.jdbc = jdbc;
		this.sources = sources;
	}

	/** A claimed row before its source is loaded. */
	private record Held(long id, UUID token, String owner, Instant leaseUntil) {

	}

	/**
	 * Claims enabled sources that are due and held by no live lease, at most
	 * {@code limit}; {@code SKIP LOCKED} keeps two instances from claiming the same one.
	 * A lease that ran out (its instance died) no longer holds the source.
	 */
	public List<SourceClaim> claimDue(Instant now, int limit, Duration lease, String owner) {
		return claims(this.jdbc.sql("update source set " + CLAIM + " where id in (select id from source "
				+ "where enabled and next_check_at <= :now and (crawl_lease_until is null or crawl_lease_until <= :now) "
				+ "order by next_check_at limit :limit for update skip locked)" + RETURNING)
			.param("owner", owner)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(lease)))
			.param("limit", limit)
			.query(SourceCrawlStore::held)
			.list());
	}

	/**
	 * Claims one source whether due or not, unless a live lease holds it (a crawl is
	 * running there, here or on another instance).
	 */
	public Optional<SourceClaim> claim(long id, Instant now, Duration lease, String owner) {
		return claims(this.jdbc
			.sql("update source set " + CLAIM + " where id = (select id from source where id = :id "
					+ "and (crawl_lease_until is null or crawl_lease_until <= :now) for update skip locked)"
					+ RETURNING)
			.param("owner", owner)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(lease)))
			.param("id", id)
			.query(SourceCrawlStore::held)
			.list()).stream().findFirst();
	}

	/**
	 * Claims one source even from a live lease, for an operator who asked for this crawl
	 * by name; the crawl that held it can no longer write to the source.
	 */
	public Optional<SourceClaim> takeOver(long id, Instant now, Duration lease, String owner) {
		return claims(this.jdbc.sql("update source set " + CLAIM + " where id = :id" + RETURNING)
			.param("owner", owner)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(lease)))
			.param("id", id)
			.query(SourceCrawlStore::held)
			.list()).stream().findFirst();
	}

	/**
	 * Extends a claim's lease and notes the crawl's progress; false when the claim is no
	 * longer held.
	 */
	public boolean renew(UUID token, Instant now, Duration lease, String progress) {
		return this.jdbc.sql("update source set crawl_lease_until = ?, crawl_progress = ? where crawl_claim = ?")
			.params(Timestamp.from(now.plus(lease)), progress, token)
			.update() == 1;
	}

	/**
	 * Ends a claim without an outcome (the instance is stopping): the source stays due
	 * and is claimed again at once.
	 */
	public boolean release(UUID token) {
		return this.jdbc.sql("update source set " + UNCLAIM + " where crawl_claim = ?").param(token).update() == 1;
	}

	/**
	 * Ends a claim with a successful crawl: the error counter is reset and the next check
	 * is a schedule away; {@code problem} notes what went wrong in a crawl that worked as
	 * a whole (some articles failed), or is null. False when the claim was no longer
	 * held.
	 */
	public boolean recordSuccess(UUID token, Instant now, String outcome, String problem) {
		return this.jdbc.sql("update source set " + UNCLAIM + ", last_attempt_at = :now, last_success_at = :now, "
				+ "consecutive_failures = 0, last_error = left(:problem, 2000), last_outcome = left(:outcome, 2000), "
				+ "next_check_at = cast(:now as timestamptz) + make_interval(mins => schedule_minutes) "
				+ "where crawl_claim = :token")
			.param("now", Timestamp.from(now))
			.param("problem", problem)
			.param("outcome", outcome)
			.param("token", token)
			.update() == 1;
	}

	/**
	 * Ends a claim with a failed crawl, counting the failure; the source is checked less
	 * often the more it fails (doubling, at most a day), never dropped. False when the
	 * claim was no longer held.
	 */
	public boolean recordFailure(UUID token, Instant now, String error) {
		return this.jdbc.sql("update source set " + UNCLAIM + ", last_attempt_at = :now, "
				+ "consecutive_failures = consecutive_failures + 1, last_error = left(:error, 2000), "
				+ "last_outcome = left(:outcome, 2000), next_check_at = cast(:now as timestamptz) + least(interval '1 day', "
				+ "make_interval(mins => schedule_minutes) * power(2, least(consecutive_failures, 6))) "
				+ "where crawl_claim = :token")
			.param("now", Timestamp.from(now))
			.param("error", error)
			.param("outcome", "failed: " + error)
			.param("token", token)
			.update() == 1;
	}

	/** How crawling stands for each source, by source id. */
	public Map<Long, CrawlState> crawlStates() {
		Map<Long, CrawlState> states = new HashMap<>();
		this.jdbc.sql("select id, " + STATE_COLUMNS + " from source")
			.query((RowCallbackHandler) (rs) -> states.put(rs.getLong("id"), state(rs)));
		return states;
	}

	public CrawlState crawlState(long id) {
		return this.jdbc.sql("select " + STATE_COLUMNS + " from source where id = ?")
			.param(id)
			.query((rs, row) -> state(rs))
			.optional()
			.orElse(CrawlState.NONE);
	}

	/** Makes the source due now. */
	public void scheduleNow(long id, Instant now) {
		this.jdbc.sql("update source set next_check_at = ? where id = ?").params(Timestamp.from(now), id).update();
	}

	private List<SourceClaim> claims(List<Held> held) {
		if (held.isEmpty()) {
			return List.of();
		}
		Map<Long, Source> loaded = this.sources.findAllById(held.stream().map(Held::id).toList())
			.stream()
			.collect(Collectors.toMap(Source::id, Function.identity()));
		return held.stream()
			.filter((h) -> loaded.containsKey(h.id()))
			.map((h) -> new SourceClaim(loaded.get(h.id()), h.token(), h.owner(), h.leaseUntil()))
			.toList();
	}

	private static Held held(ResultSet rs, int row) throws SQLException {
		return new Held(rs.getLong("id"), rs.getObject("crawl_claim", UUID.class), rs.getString("crawl_owner"),
				instant(rs, "crawl_lease_until"));
	}

	private static CrawlState state(ResultSet rs) throws SQLException {
		return new CrawlState(rs.getString("crawl_owner"), instant(rs, "crawl_started_at"),
				instant(rs, "crawl_lease_until"), rs.getString("crawl_progress"), rs.getString("last_outcome"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
