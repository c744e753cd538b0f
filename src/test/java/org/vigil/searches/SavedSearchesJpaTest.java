package org.vigil.searches;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
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
import org.vigil.timeline.TimelineSearch;
import org.vigil.users.Accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The saved-search aggregate and its repository against real PostgreSQL, without the web
 * or the timeline: the rules a search keeps, names unique per user, searches scoped by
 * owner, and edits from an outdated page refused. Each test commits, as the application
 * does.
 */
// The mapping is checked against the migrated schema here, not on every start of Vigil.
// The database is a copy of the migrated template (Java migrations included), so the
// slice, which has no Java migration beans, does not run Flyway itself.
@DataJpaTest(properties = { "spring.jpa.hibernate.ddl-auto=validate", "spring.flyway.enabled=false" })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ SavedSearches.class, Accounts.class, SavedSearchesJpaTest.Clocks.class })
class SavedSearchesJpaTest {

	static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

	static final TimelineSearch.Checked POLAND = checked("country=PL");

	@TestConfiguration
	static class Clocks {

		@Bean
		MovableClock clock() {
			return new MovableClock(START);
		}

	}

	@Autowired
	SavedSearches searches;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@AfterEach
	void removeUsers() {
		this.jdbc.sql("delete from app_user").update();
	}

	@Test
	void aSearchKeepsAStrippedNameShortNotesAndOnlyAFilterTheTimelineAccepted() {
		long user = TestUsers.analyst(this.jdbc, "rules@example.org");
		SavedSearch saved = this.searches.create(user, "  Poland  ", POLAND, "  for the desk ");
		assertThat(saved.name()).isEqualTo("Poland");
		assertThat(saved.notes()).isEqualTo("for the desk");
		assertThat(saved.lastSeenAt()).isEqualTo(START);
		assertThatThrownBy(() -> this.searches.create(user, "  ", POLAND, null)).isInstanceOf(SearchProblem.class)
			.hasMessage("Give the search a name.");
		assertThatThrownBy(() -> this.searches.create(user, "x".repeat(201), POLAND, null))
			.hasMessage("A name can have at most 200 characters.");
		assertThatThrownBy(() -> this.searches.create(user, "Long notes", POLAND, "n".repeat(2001)))
			.hasMessage("Notes can have at most 2000 characters.");
		TimelineSearch.Checked unknown = new TimelineSearch.Checked("", "everything", Set.of(),
				List.of("No country called \u201CXX\u201D is known."));
		assertThatThrownBy(() -> this.searches.create(user, "Atlantis", unknown, null))
			.hasMessage("No country called \u201CXX\u201D is known.");
		assertThat(this.searches.list(user)).extracting(SavedSearch::name).containsExactly("Poland");
	}

	@Test
	void aNameIsUniquePerUserAndOneUserCannotReachAnothersSearch() {
		long ola = TestUsers.analyst(this.jdbc, "ola@example.org");
		long jan = TestUsers.analyst(this.jdbc, "jan@example.org");
		long olas = this.searches.create(ola, "Poland", POLAND, null).id();
		this.searches.create(jan, "Poland", POLAND, null);
		assertThatThrownBy(() -> this.searches.create(ola, "Poland", POLAND, null))
			.hasMessage("You already have a saved search called \u201CPoland\u201D; choose another name.");
		long other = this.searches.create(ola, "Other", POLAND, null).id();
		assertThatThrownBy(() -> this.searches.update(ola, other, "Poland", POLAND, null, null))
			.hasMessage("You already have a saved search called \u201CPoland\u201D; choose another name.");
		assertThat(this.searches.find(jan, olas)).isEmpty();
		assertThat(this.searches.update(jan, olas, "Mine now", POLAND, null, null)).isFalse();
		assertThat(this.searches.newFeedToken(jan, olas)).isEmpty();
		assertThat(this.searches.delete(jan, olas)).isFalse();
		assertThat(this.searches.find(ola, olas)).map(SavedSearch::name).contains("Poland");
		assertThat(this.searches.listAll()).extracting((owned) -> owned.email() + ":" + owned.search().name())
			.containsExactly("jan@example.org:Poland", "ola@example.org:Other", "ola@example.org:Poland");
	}

	@Test
	void anEditFromAnOutdatedPageIsRefusedButOpeningTheSearchDoesNotOutdateIt() {
		long user = TestUsers.analyst(this.jdbc, "tabs@example.org");
		long id = this.searches.create(user, "Poland", POLAND, null).id();
		long seen = this.searches.find(user, id).orElseThrow().version();
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.searches.markSeen(user, id)).isTrue();
		assertThat(this.searches.update(user, id, "Poland (tab 1)", POLAND, null, seen)).isTrue();
		assertThatThrownBy(() -> this.searches.update(user, id, "Poland (tab 2)", checked("country=DE"), null, seen))
			.isInstanceOf(SearchProblem.class)
			.hasMessageContaining("was changed elsewhere (another tab or device) after this page was opened");
		SavedSearch now = this.searches.find(user, id).orElseThrow();
		assertThat(now.name()).isEqualTo("Poland (tab 1)");
		assertThat(now.parameters()).isEqualTo("country=PL");
		assertThat(now.lastSeenAt()).isEqualTo(START.plus(Duration.ofHours(1)));
		assertThat(now.updatedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
	}

	@Test
	void aNewFeedTokenEndsTheOldOneAndRevokingEndsTheFeed() {
		long user = TestUsers.analyst(this.jdbc, "feeds@example.org");
		long id = this.searches.create(user, "Poland", POLAND, null).id();
		String first = this.searches.newFeedToken(user, id).orElseThrow();
		String second = this.searches.newFeedToken(user, id).orElseThrow();
		assertThat(second).isNotEqualTo(first).hasSize(43);
		assertThat(this.searches.findByFeedToken(first)).isEmpty();
		assertThat(this.searches.findByFeedToken(second)).map(SavedSearch::id).contains(id);
		assertThat(this.searches.revokeFeedToken(user, id)).isTrue();
		assertThat(this.searches.findByFeedToken(second)).isEmpty();
		assertThat(this.searches.findByFeedToken("")).isEmpty();
	}

	private static TimelineSearch.Checked checked(String parameters) {
		return new TimelineSearch.Checked(parameters, parameters, Set.of(), List.of());
	}

}
