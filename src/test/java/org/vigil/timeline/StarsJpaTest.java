package org.vigil.timeline;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.support.MovableClock;
import org.vigil.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The star aggregate against real PostgreSQL: its mapping matches the migration, a star
 * and its note belong to one user, starring twice keeps the first star, and a note has a
 * limit. Each test commits, as the application does.
 */
@DataJpaTest(properties = { "spring.jpa.hibernate.ddl-auto=validate", "spring.flyway.enabled=false" })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ Stars.class, StarsJpaTest.Clocks.class })
class StarsJpaTest {

	static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

	@TestConfiguration
	static class Clocks {

		@Bean
		MovableClock clock() {
			return new MovableClock(START);
		}

	}

	@Autowired
	Stars stars;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStarAndItsNoteBelongToOneUser() {
		TimelineFixture fixture = new TimelineFixture(this.jdbc);
		long item = fixture.item(fixture.source("nato", "NATO", true), "A statement").body("Text.").insert();
		long ann = TestUsers.analyst(this.jdbc, "ann@example.org");
		long ben = TestUsers.analyst(this.jdbc, "ben@example.org");
		this.stars.note(ann, item, "  Check the date.  ");
		Star again = this.stars.star(ann, item);
		assertThat(again.note()).isEqualTo("Check the date.");
		assertThat(again.starredAt()).isEqualTo(START);
		assertThat(this.stars.find(ben, item)).isEmpty();
		assertThat(this.stars.newestFirst(ben, 10)).isEmpty();
		assertThat(this.stars.unstar(ben, item)).isFalse();
		assertThat(this.stars.newestFirst(ann, 10)).extracting(Star::itemId).containsExactly(item);
		this.stars.note(ann, item, " ");
		assertThat(this.stars.find(ann, item).orElseThrow().note()).isNull();
		assertThatThrownBy(() -> this.stars.note(ann, item, "x".repeat(Star.MAX_NOTE + 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.stars.unstar(ann, item)).isTrue();
		assertThat(this.stars.find(ann, item)).isEmpty();
	}

}
