package org.vigil.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts login attempts per account and per address in login_throttle and refuses either
 * for a while once it has too many, so a password cannot be guessed by trying many: the
 * account limit stops guessing one password from many addresses, the address limit stops
 * trying many accounts from one. Counted in the database, so the limits hold across
 * instances and restarts.
 * <p>
 * An attempt is counted and allowed or refused in one statement, before its password is
 * checked: parallel attempts each get their own number from the row lock, so no more than
 * the limit are ever checked, however many arrive at once. A successful login gives its
 * attempt back (the account's count is cleared, the address's goes down by one), so what
 * stays counted is the failures.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/*
	 * A row's count starts again when its window is over and it is not blocked, or its
	 * block is over. Reaching the limit blocks the key until now + blockFor; the attempt
	 * that reaches it is still checked, the ones after it are not.
	 */
	private static final String COUNT_ATTEMPT = """
			insert into login_throttle as t (key, failures, window_start, blocked_until)
			values (:account, 1, :now, case when 1 >= :maxAccount then :until end),
			       (:address, 1, :now, case when 1 >= :maxAddress then :until end)
			on conflict (key) do update set
			  failures = case when t.blocked_until <= :now
			                    or (t.blocked_until is null and t.window_start < :windowStart) then 1
			             else t.failures + 1 end,
			  window_start = case when t.blocked_until <= :now
			                        or (t.blocked_until is null and t.window_start < :windowStart) then :now
			                 else t.window_start end,
			  blocked_until = case
			    when t.blocked_until <= :now
			      or (t.blocked_until is null and t.window_start < :windowStart) then
			        case when 1 >= (case when t.key = :account then :maxAccount else :maxAddress end) then :until end
			    when t.blocked_until is not null then t.blocked_until
			    when t.failures + 1 >= (case when t.key = :account then :maxAccount else :maxAddress end) then :until
			  end
			returning key, failures, blocked_until
			""";

	private final JdbcClient jdbc;

	private final UsersProperties properties;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, UsersProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** A key's count after this attempt and until when it is blocked, if it is. */
	private record Counted(String key, int attempts, OffsetDateTime blockedUntil) {

		static Counted of(ResultSet rs, int n) throws SQLException {
			return new Counted(rs.getString("key"), rs.getInt("failures"),
					rs.getObject("blocked_until", OffsetDateTime.class));
		}

	}

	/**
	 * Counts a login attempt for the account and the address and says whether its
	 * password may be checked.
	 * @return empty when the attempt may go on, else how long the account or address must
	 * still wait
	 */
	Optional<Duration> attempt(String email, String address) {
		Instant now = this.clock.instant();
		String accountKey = accountKey(email);
		List<Counted> counted = this.jdbc.sql(COUNT_ATTEMPT)
			.param("account", accountKey)
			.param("address", addressKey(address))
			.param("maxAccount", this.properties.maxFailuresPerAccount())
			.param("maxAddress", this.properties.maxFailuresPerAddress())
			.param("now", utc(now))
			.param("until", utc(now.plus(this.properties.blockFor())))
			.param("windowStart", utc(now.minus(this.properties.failureWindow())))
			.query(Counted::of)
			.list();
		Instant refusedUntil = null;
		for (Counted key : counted) {
			int max = key.key().equals(accountKey) ? this.properties.maxFailuresPerAccount()
					: this.properties.maxFailuresPerAddress();
			if (key.attempts() > max) {
				Instant until = (key.blockedUntil() != null) ? key.blockedUntil().toInstant()
						: now.plus(this.properties.blockFor());
				refusedUntil = (refusedUntil == null || until.isAfter(refusedUntil)) ? until : refusedUntil;
				if (key.attempts() == max + 1) {
					log.warn("Login blocked until {} after {} attempts: {}", until, max, key.key());
				}
			}
		}
		return Optional.ofNullable(refusedUntil).map((until) -> Duration.between(now, until));
	}

	/**
	 * After a failed attempt (already counted): drops rows that count nothing any more.
	 */
	void failed() {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("delete from login_throttle where window_start < :windowStart"
					+ " and (blocked_until is null or blocked_until < :now)")
			.param("windowStart", utc(now.minus(this.properties.failureWindow())))
			.param("now", utc(now))
			.update();
	}

	/**
	 * After a successful login: the account's count is cleared and the attempt given back
	 * to the address, so colleagues behind one address are not blocked by logging in.
	 */
	void succeeded(String email, String address) {
		this.jdbc.sql("delete from login_throttle where key = :key").param("key", accountKey(email)).update();
		this.jdbc.sql("update login_throttle set failures = failures - 1 where key = :key and failures > 0")
			.param("key", addressKey(address))
			.update();
	}

	private static String accountKey(String email) {
		return "account:" + Accounts.normalizeEmail(email);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
