package org.vigil.users;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.shared.Pools;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login throttle against parallel guessing, over real HTTP on the real PostgreSQL:
 * attempts that arrive together are still counted one by one before any password is
 * checked, so no more than the limit are ever checked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "vigil.users.max-failures-per-account=3",
		"vigil.users.max-failures-per-address=6", "vigil.site.base-url=https://vigil.example.org" })
class LoginThrottleRaceTest {

	private static final int PARALLEL = 16;

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void forgetFailedLogins() {
		this.jdbc.update("delete from login_throttle");
	}

	@Test
	void parallelWrongPasswordsForOneAccountAreCheckedAtMostTheLimit() throws Exception {
		TestUsers.analyst(this.jdbc, "raced@example.org");
		List<String> outcomes = race(PARALLEL, (i) -> "raced@example.org", (i) -> "wrong guess number " + i);
		long checked = outcomes.stream().filter((outcome) -> outcome.endsWith("/login?error")).count();
		long refused = outcomes.stream().filter("429"::equals).count();
		assertThat(checked).as(outcomes.toString()).isLessThanOrEqualTo(3);
		assertThat(checked + refused).as(outcomes.toString()).isEqualTo(PARALLEL);
		// Still blocked: the right password is not even checked now.
		assertThat(new WebSession(this.port)
			.postForm("/login", Map.of("username", "raced@example.org", "password", TestUsers.PASSWORD))
			.statusCode()).isEqualTo(429);
	}

	@Test
	void parallelGuessesAcrossAccountsFromOneAddressAreCheckedAtMostTheAddressLimit() throws Exception {
		List<String> outcomes = race(PARALLEL, (i) -> "someone" + i + "@example.org", (i) -> "wrong guess");
		long checked = outcomes.stream().filter((outcome) -> outcome.endsWith("/login?error")).count();
		assertThat(checked).as(outcomes.toString()).isLessThanOrEqualTo(6);
	}

	@Test
	void successfulLoginsGiveTheirAttemptBackSoColleaguesBehindOneAddressAreNotBlocked() {
		for (int i = 0; i < 10; i++) {
			TestUsers.analyst(this.jdbc, "colleague" + i + "@example.org");
			new WebSession(this.port).login("colleague" + i + "@example.org", TestUsers.PASSWORD);
		}
		assertThat(this.jdbc.queryForObject(
				"select coalesce(max(failures), 0) from login_throttle where key like 'address:%'", Integer.class))
			.isZero();
	}

	/** Fires the attempts together; each outcome is the Location or the status. */
	private List<String> race(int count, IntFunction<String> email, IntFunction<String> password) throws Exception {
		List<WebSession> sessions = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			WebSession session = new WebSession(this.port);
			tokens.add(session.csrfToken());
			sessions.add(session);
		}
		ExecutorService pool = Executors.newFixedThreadPool(count, Pools.daemonThreads("login-race"));
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					start.await();
					HttpResponse<String> response = sessions.get(n)
						.postFormWithoutToken("/login", Map.of("username", email.apply(n), "password",
								password.apply(n), "_csrf", tokens.get(n)));
					return (response.statusCode() == 302) ? response.headers().firstValue("Location").orElse("302")
							: Integer.toString(response.statusCode());
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> future : futures) {
				outcomes.add(future.get(120, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			Pools.close(pool);
		}
	}

}
