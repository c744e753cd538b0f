package org.vigil.users;

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
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and per address in login_throttle and blocks either
 * for a while once it has too many, so a password cannot be guessed by trying many: the
 * account limit stops guessing one password from many addresses, the address limit stops
 * trying many accounts from one. Counted in the database, so the limits hold across
 * instances and restarts.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final JdbcClient jdbc;

	private final UsersProperties properties;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, UsersProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * How long the account or the address must still wait, or empty if neither is
	 * blocked.
	 */
	Optional<Duration> blockedFor(String email, String address) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("select max(blocked_until) from login_throttle where key in (:keys) and blocked_until > :now")
			.param("keys", List.of(accountKey(email), addressKey(address)))
			.param("now", utc(now))
			.query(OffsetDateTime.class)
			.optional()
			.map((until) -> Duration.between(now, until.toInstant()));
	}

	@Transactional
	void failed(String email, String address) {
		Instant now = this.clock.instant();
		Instant windowStart = now.minus(this.properties.failureWindow());
		count(accountKey(email), this.properties.maxFailuresPerAccount(), now, windowStart);
		count(addressKey(address), this.properties.maxFailuresPerAddress(), now, windowStart);
		// Old rows are useless; removing them here keeps the table as small as the
		// attack.
		this.jdbc
			.sql("delete from login_throttle where window_start < :windowStart"
					+ " and (blocked_until is null or blocked_until < :now)")
			.param("windowStart", utc(windowStart))
			.param("now", utc(now))
			.update();
	}

	void succeeded(String email) {
		this.jdbc.sql("delete from login_throttle where key = :key").param("key", accountKey(email)).update();
	}

	private void count(String key, int max, Instant now, Instant windowStart) {
		int failures = this.jdbc.sql("""
				insert into login_throttle as t (key, failures, window_start) values (:key, 1, :now)
				on conflict (key) do update set
				  failures = case when t.window_start < :windowStart then 1 else t.failures + 1 end,
				  window_start = case when t.window_start < :windowStart then :now else t.window_start end
				returning failures
				""")
			.param("key", key)
			.param("now", utc(now))
			.param("windowStart", utc(windowStart))
			.query(Integer.class)
			.single();
		if (failures >= max) {
			Instant until = now.plus(this.properties.blockFor());
			this.jdbc.sql("update login_throttle set blocked_until = :until where key = :key")
				.param("until", utc(until))
				.param("key", key)
				.update();
			log.warn("Login blocked until {} after {} failures: {}", until, failures, key);
		}
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
