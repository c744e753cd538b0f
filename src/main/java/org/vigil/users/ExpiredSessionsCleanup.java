package org.vigil.users;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes expired sign-in sessions on Vigil's scheduler, which skips its turn while the
 * database is down. Spring Session's own clean-up
 * ({@code spring.session.jdbc.cleanup-cron}, switched off in application.properties) runs
 * on a private scheduler that does not, and in a transaction whose failed rollback hides
 * the outage: it logged a stack trace every minute of one.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "vigil.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ExpiredSessionsCleanup {

	private static final Logger log = LoggerFactory.getLogger(ExpiredSessionsCleanup.class);

	private final JdbcClient jdbc;

	ExpiredSessionsCleanup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One statement (the attributes go with their session, on delete cascade). Expiry
	 * times are written by Spring Session from the system clock, so they are compared
	 * with it, not with Vigil's {@code Clock}.
	 */
	@Scheduled(cron = "${vigil.users.session-cleanup-cron:0 * * * * *}")
	void deleteExpiredSessions() {
		int deleted = this.jdbc.sql("delete from spring_session where expiry_time < :now")
			.param("now", Instant.now().toEpochMilli())
			.update();
		log.debug("Deleted {} expired sessions", deleted);
	}

}
