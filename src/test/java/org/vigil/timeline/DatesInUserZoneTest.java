package org.vigil.timeline;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each analyst reads dates in their own time zone and language: the same instant falls on
 * another day in Tokyo than in New York, and a Polish reader gets Polish day names.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DatesInUserZoneTest {

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	@Test
	void timelineAndItemPageShowTimesInTheUsersZoneAndLanguage() {
		TimelineFixture fixture = new TimelineFixture(this.jdbc);
		long nato = fixture.source("nato-zones", "NATO", true);
		// Sunday 1 March 2026, 23:30 UTC: Monday 08:30 in Tokyo, Sunday 18:30 in New
		// York.
		long item = fixture.item(nato, "Statement late on a Sunday")
			.body("The North Atlantic Council met.")
			.published(Instant.parse("2026-03-01T23:30:00Z"))
			.insert();
		user("tokyo@example.org", "Asia/Tokyo", "pl");
		user("newyork@example.org", "America/New_York", "en");

		WebSession tokyo = new WebSession(this.port).login("tokyo@example.org", TestUsers.PASSWORD);
		assertThat(tokyo.page("/?from=2026-03-01&to=2026-03-02")).contains("poniedziałek, 2 marca 2026")
			.contains("08:30");
		assertThat(tokyo.page("/items/" + item)).contains("poniedziałek, 2 marca 2026, 08:30");

		WebSession newYork = new WebSession(this.port).login("newyork@example.org", TestUsers.PASSWORD);
		assertThat(newYork.page("/?from=2026-03-01&to=2026-03-02")).contains("Sunday, 1 March 2026").contains("18:30");
		assertThat(newYork.page("/items/" + item)).contains("Sunday, 1 March 2026, 18:30");
	}

	private void user(String email, String zone, String language) {
		long id = TestUsers.analyst(this.jdbc, email);
		this.jdbc.sql("update app_user set time_zone = :zone, locale = :locale where id = :id")
			.param("zone", zone)
			.param("locale", language)
			.param("id", id)
			.update();
	}

}
