package org.vigil.searches;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "New" and "seen" follow the application's clock, not the database's: with a fixed clock
 * the counts and the seen time are exact.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SavedSearchClockTest {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	@TestConfiguration
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void newCountsAndSeenTimesComeFromTheInjectedClock() {
		SearchFixture fixture = new SearchFixture(this.jdbc);
		long source = fixture.source("clock-src", "Clock source");
		long norway = fixture.entity("country", "NO", "Norway");
		fixture.item(source, "Before last look", Instant.parse("2026-05-30T09:00:00Z"), norway);
		fixture.item(source, "After last look", Instant.parse("2026-06-01T11:00:00Z"), norway);
		// Stored after the clock's "now": not new yet from the application's point of
		// view.
		fixture.item(source, "From the future", Instant.parse("2026-06-02T00:00:00Z"), norway);
		long user = TestUsers.analyst(this.jdbc, "clock@example.org");
		long id = fixture.savedSearch(user, "Norway", "country=NO", Instant.parse("2026-05-31T00:00:00Z"));
		WebSession session = new WebSession(this.port).login("clock@example.org", TestUsers.PASSWORD);
		assertThat(session.page("/searches")).contains("1 new");

		session.get("/searches/" + id);
		assertThat(seen(id)).isEqualTo(NOW);
		HttpResponse<String> saved = session.postForm("/searches", Map.of("name", "Norway again", "country", "NO"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("select last_seen_at from saved_search where name = 'Norway again'")
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(NOW);
	}

	private Instant seen(long id) {
		return this.jdbc.sql("select last_seen_at from saved_search where id = ?")
			.param(id)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

}
