package org.vigil.shared;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completed event publications are kept for the retention period, then deleted;
 * incomplete ones are kept however old, to be published again.
 */
// The same context as SourcesAdminControllerTest and SourceEditConflictTest (properties
// and MockMvc), so one cached context serves them all.
@SpringBootTest(properties = { "vigil.ingest.politeness-delay=0s", "vigil.ingest.allow-private-addresses=false" })
@AutoConfigureMockMvc
class CompletedEventsCleanupTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CompletedEventPublications completed;

	@Test
	void completedPublicationsOlderThanTheRetentionAreDeletedAndIncompleteOnesKept() {
		publication("completed 8 days ago", "now() - interval '9 days'", "now() - interval '8 days'", "COMPLETED");
		publication("completed yesterday", "now() - interval '1 day'", "now() - interval '1 day'", "COMPLETED");
		publication("incomplete for a month", "now() - interval '30 days'", "null", "FAILED");

		new CompletedEventsCleanup(this.completed, new EventsProperties(true, Duration.ofDays(7), Duration.ofHours(1)))
			.deleteOldCompletedPublications();

		assertThat(this.jdbc.queryForList(
				"select serialized_event from event_publication where listener_id = 'test' order by 1", String.class))
			.containsExactly("\"completed yesterday\"", "\"incomplete for a month\"");
	}

	private void publication(String event, String published, String completedAt, String status) {
		this.jdbc.update(
				"insert into event_publication (id, listener_id, event_type, serialized_event, "
						+ "publication_date, completion_date, status, completion_attempts) values (gen_random_uuid(), "
						+ "'test', 'java.lang.String', ?, " + published + ", " + completedAt + ", ?, 1)",
				"\"" + event + "\"", status);
	}

}
