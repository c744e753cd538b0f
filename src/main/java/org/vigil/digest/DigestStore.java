package org.vigil.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The digest's delivery SQL: which users are due, the exactly-once record
 * (digest_delivery) with its claims, and the runs. What a digest shows is read by
 * {@link DigestContentQueries}. Every instant comes from the caller (the injected clock),
 * never from the database's now().
 */
@Repository
class DigestStore {

	private final JdbcClient jdbc;

	DigestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One user's digest of one week, as claimed by an instance. */
	record Delivery(long userId, LocalDate week, Instant periodStart, Instant periodEnd, int attempts) {

	}

	/**
	 * Records a pending delivery for every user whose digest time has come this week (in
	 * their own time zone) and who has none yet: enabled account, digest on, at least one
	 * saved search, a scheduled time after the account was made and no longer ago than
	 * {@code catchUp}. A time zone PostgreSQL does not know counts as UTC rather than
	 * failing everyone's run. A user who moved their digest day after this week's digest
	 * is not sent a second one the same week.
	 * @param onlyUser a user id, or null for everyone
	 * @return how many deliveries were recorded
	 */
	int enqueueDue(Instant now, Duration catchUp, Long onlyUser) {
		return this.jdbc
			.sql("""
					with zones as materialized (select name from pg_timezone_names),
					u as (
					  select u.id, z.time_zone, u.created_at, u.digest_day, u.digest_hour,
					         cast(:now as timestamptz) at time zone z.time_zone as local_now
					  from user_view u
					  cross join lateral (select coalesce((select name from zones where name = u.time_zone), 'UTC')
					                      as time_zone) z
					  where u.enabled and u.digest_enabled and (cast(:only as bigint) is null or u.id = :only)
					    and exists (select 1 from saved_search_view s where s.user_id = u.id)
					), s as (
					  select id, time_zone, created_at, local_now,
					         date_trunc('week', local_now) + make_interval(days => digest_day - 1, hours => digest_hour) as local_at
					  from u
					)
					insert into digest_delivery (user_id, week, status, period_start, period_end, next_attempt_at, created_at)
					select id, cast(local_at as date), 'pending', (local_at - interval '7 days') at time zone time_zone,
					       local_at at time zone time_zone, :now, :now
					from s
					where local_at <= local_now and (local_at at time zone time_zone) > created_at
					  and (local_at at time zone time_zone) > cast(:oldest as timestamptz)
					  and not exists (select 1 from digest_delivery d where d.user_id = s.id
					                  and d.week > cast(local_at as date) - 7)
					on conflict do nothing
					""")
			.param("now", utc(now))
			.param("oldest", utc(now.minus(catchUp)))
			.param("only", onlyUser)
			.update();
	}

	/** Whether a delivery is waiting to be sent or was left by an instance that died. */
	boolean anyClaimable(Instant now, Long onlyUser) {
		return this.jdbc.sql("select exists (select 1 from digest_delivery d where " + CLAIMABLE + ")")
			.param("now", utc(now))
			.param("only", onlyUser)
			.query(Boolean.class)
			.single();
	}

	private static final String CLAIMABLE = """
			((d.status = 'pending' and (d.next_attempt_at is null or d.next_attempt_at <= :now))
			  or (d.status = 'sending' and d.claimed_until < :now))
			and (cast(:only as bigint) is null or d.user_id = :only)""";

	/**
	 * Claims up to {@code limit} deliveries for this instance: they become 'sending'
	 * until {@code now + timeout}. Rows another instance is claiming at the same moment
	 * are skipped, not waited for; a 'sending' row whose claim ran out (its instance
	 * died) is claimed again, so a restart finishes the run.
	 */
	List<Delivery> claim(String instance, Instant now, Duration timeout, int limit, long runId, Long onlyUser) {
		return this.jdbc.sql("""
				update digest_delivery t
				set status = 'sending', claimed_by = :instance, claimed_until = :until, attempts = t.attempts + 1,
				    run_id = :run
				from (select d.user_id, d.week from digest_delivery d where %s
				      order by d.next_attempt_at nulls first, d.user_id limit :limit for update skip locked) c
				where t.user_id = c.user_id and t.week = c.week
				returning t.user_id, t.week, t.period_start, t.period_end, t.attempts
				""".formatted(CLAIMABLE))
			.param("instance", instance)
			.param("until", utc(now.plus(timeout)))
			.param("run", runId)
			.param("now", utc(now))
			.param("only", onlyUser)
			.param("limit", limit)
			.query((rs, n) -> new Delivery(rs.getLong("user_id"), rs.getObject("week", LocalDate.class),
					instant(rs, "period_start"), instant(rs, "period_end"), rs.getInt("attempts")))
			.list();
	}

	/**
	 * Marks a claimed delivery done ('sent' or 'skipped'). Only the claim holder can: an
	 * instance whose claim was taken over does not overwrite the new holder's outcome.
	 */
	boolean finish(Delivery delivery, String instance, String status, Instant now, int searches, int items,
			String messageId) {
		return this.jdbc.sql("""
				update digest_delivery set status = :status, claimed_until = null, next_attempt_at = null,
				  searches = :searches, items = :items, message_id = :messageId, last_error = null,
				  sent_at = case when :status = 'sent' then cast(:now as timestamptz) end
				where user_id = :user and week = :week and status = 'sending' and claimed_by = :instance
				""")
			.param("status", status)
			.param("searches", searches)
			.param("items", items)
			.param("messageId", messageId)
			.param("now", utc(now))
			.param("user", delivery.userId())
			.param("week", delivery.week())
			.param("instance", instance)
			.update() == 1;
	}

	/**
	 * Records a failed attempt: pending again after {@code retryAt}, or 'failed' when
	 * {@code retryAt} is null (no attempts left).
	 */
	void failed(Delivery delivery, String instance, String error, Instant retryAt) {
		this.jdbc
			.sql("""
					update digest_delivery set status = case when cast(:retryAt as timestamptz) is null then 'failed' else 'pending' end,
					  next_attempt_at = :retryAt, claimed_until = null, last_error = :error
					where user_id = :user and week = :week and status = 'sending' and claimed_by = :instance
					""")
			.param("retryAt", (retryAt != null) ? utc(retryAt) : null)
			.param("error", (error.length() > 1000) ? error.substring(0, 1000) : error)
			.param("user", delivery.userId())
			.param("week", delivery.week())
			.param("instance", instance)
			.update();
	}

	long startRun(String trigger, Instant now, String instance) {
		return this.jdbc
			.sql("insert into digest_run (trigger, started_at, instance) values (:trigger, :now, :instance)"
					+ " returning id")
			.param("trigger", trigger)
			.param("now", utc(now))
			.param("instance", instance)
			.query(Long.class)
			.single();
	}

	/** Closes a run with the outcome of the deliveries it claimed last. */
	Run finishRun(long runId, Instant now) {
		return this.jdbc.sql("""
				update digest_run r set finished_at = :now,
				  sent = (select count(*) from digest_delivery d where d.run_id = r.id and d.status = 'sent'),
				  skipped = (select count(*) from digest_delivery d where d.run_id = r.id and d.status = 'skipped'),
				  failed = (select count(*) from digest_delivery d where d.run_id = r.id and d.status = 'failed')
				where r.id = :id
				returning r.id, r.trigger, r.started_at, r.finished_at, r.instance, r.sent, r.skipped, r.failed,
				  (select count(*) from digest_delivery d where d.run_id = r.id and d.status = 'pending') as retrying
				""").param("now", utc(now)).param("id", runId).query(DigestStore::run).single();
	}

	/** A run as the admin page and the command show it. */
	record Run(long id, String trigger, Instant startedAt, Instant finishedAt, String instance, int sent, int skipped,
			int failed, int retrying) {

	}

	/** The secret that signs unsubscribe links, the same for every instance. */
	String signingSecret() {
		return this.jdbc.sql("select secret from signing_key where name = 'digest'").query(String.class).single();
	}

	static Run run(ResultSet rs, int n) throws SQLException {
		return new Run(rs.getLong("id"), rs.getString("trigger"), instant(rs, "started_at"),
				instantOrNull(rs, "finished_at"), rs.getString("instance"), rs.getInt("sent"), rs.getInt("skipped"),
				rs.getInt("failed"), rs.getInt("retrying"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
