package org.vigil.searches;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.vigil.support.CommandRun;
import org.vigil.support.CommandSession;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code search add} and {@code search list} against a real database. */
class SearchCommandTest {

	private final String url = TestPostgres.newDatabase();

	private final Map<String, String> database = Map.of("spring.datasource.url", this.url, "spring.datasource.username",
			"postgres");

	/** One command context for this test's commands, closed after it. */
	private final CommandSession vigil = CommandSession.with(this.database);

	@AfterEach
	void closeCommandContext() {
		this.vigil.close();
	}

	private JdbcClient jdbc;

	@BeforeEach
	void accountsAndAnEntity() {
		CommandRun added = this.vigil.withInput("a long enough secret\n", "user", "add", "--email", "ops@example.org",
				"--password-stdin");
		assertThat(added.exitCode()).as(added.err()).isZero();
		this.jdbc = JdbcClient.create(new DriverManagerDataSource(this.url, "postgres", ""));
		new SearchFixture(this.jdbc).entity("programme", "test-k2", "Test K2 tanks");
		new SearchFixture(this.jdbc).source("test-mod", "Test MoD");
	}

	@Test
	void addsASearchWithTheCanonicalFilterAndListsIt() {
		CommandRun run = this.vigil.run("search", "add", "--user", "OPS@example.org", "--name", "K2 in Poland",
				"--query", "delivery", "--country", "Poland", "--programme", "test k2 tanks", "--source", "test-mod",
				"--type", "news", "--lang", "pl", "--range", "30d", "--notes", "from a script");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("\u201CK2 in Poland\u201D for ops@example.org")
			.contains("/?q=delivery&country=PL&programme=test-k2&source=test-mod&type=news&lang=pl&range=30d");
		assertThat(this.jdbc.sql("select parameters || '|' || notes from saved_search").query(String.class).single())
			.isEqualTo("q=delivery&country=PL&programme=test-k2&source=test-mod&type=news&lang=pl&range=30d"
					+ "|from a script");
		CommandRun list = this.vigil.run("search", "list");
		assertThat(list.exitCode()).isZero();
		assertThat(list.out()).containsPattern("ops@example\\.org\\s+K2 in Poland\\s+0\\s+off\\s+Poland")
			.contains("last 30 days");
		CommandRun mine = this.vigil.run("search", "list", "--user", "ops@example.org");
		assertThat(mine.out()).contains("K2 in Poland");
	}

	@Test
	void unknownUserUnknownEntityAndDuplicateNameAreClearErrors() {
		CommandRun nobody = this.vigil.run("search", "add", "--user", "ghost@example.org", "--name", "X", "--query",
				"tanks");
		assertThat(nobody.exitCode()).isEqualTo(2);
		assertThat(nobody.err()).contains("there is no account for ghost@example.org");
		CommandRun unknown = this.vigil.run("search", "add", "--user", "ops@example.org", "--name", "X", "--country",
				"Atlantis", "--range", "fortnight");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("No country called \u201CAtlantis\u201D is known")
			.contains("\u201Cfortnight\u201D is not a date range preset");
		assertThat(this.vigil.run("search", "add", "--user", "ops@example.org", "--name", "Tanks", "--query", "tanks")
			.exitCode()).isZero();
		CommandRun twice = this.vigil.run("search", "add", "--user", "ops@example.org", "--name", " Tanks ", "--query",
				"armour");
		assertThat(twice.exitCode()).isEqualTo(2);
		assertThat(twice.err()).contains("You already have a saved search called \u201CTanks\u201D");
		CommandRun list = this.vigil.run("search", "list", "--user", "ghost@example.org");
		assertThat(list.exitCode()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from saved_search").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void optionsThatNameTheSameThingTwiceStillMakeOneSearch() {
		new SearchFixture(this.jdbc).entity("country", "RO", "Romania");
		CommandRun run = this.vigil.run("search", "add", "--user", "ops@example.org", "--name", "Romania", "--query",
				"Romania", "--country", "RO");
		assertThat(run.exitCode()).as(run.err()).isZero();
		CommandRun same = this.vigil.run("search", "add", "--user", "ops@example.org", "--name", "Romania twice",
				"--country", "RO", "--country", "Romania", "--type", "news", "--type", "news", "--lang", "ro", "--lang",
				"ro", "--source", "test-mod", "--source", "test-mod");
		assertThat(same.exitCode()).as(same.err()).isZero();
		assertThat(this.jdbc.sql("select parameters from saved_search where name = 'Romania twice'")
			.query(String.class)
			.single()).isEqualTo("country=RO&source=test-mod&type=news&lang=ro");
		CommandRun list = this.vigil.run("search", "list");
		assertThat(list.exitCode()).as(list.err()).isZero();
		assertThat(list.out()).contains("Romania twice");
	}

}
