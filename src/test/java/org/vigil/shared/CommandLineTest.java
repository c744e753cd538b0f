package org.vigil.shared;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.vigil.support.CommandRun;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar vigil.jar COMMAND}: jobs without the web server. */
class CommandLineTest {

	@Test
	void helpListsTheCommands() {
		CommandRun run = CommandRun.of(Map.of(), "--help");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Usage: vigil").contains("db-info");
	}

	@Test
	void eachCommandHasItsOwnHelp() {
		CommandRun run = CommandRun.of(Map.of(), "db-info", "--help");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Usage: vigil db-info");
	}

	@Test
	void helpNeedsNoDatabase() {
		CommandRun run = CommandRun.of(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/none"), "--help");
		assertThat(run.exitCode()).isZero();
	}

	@Test
	void anUnknownCommandIsAOneLineErrorWithExitCodeTwo() {
		CommandRun run = CommandRun.of(Map.of(), "frobnicate");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().strip()).isEqualTo("vigil: unknown command 'frobnicate' (see 'vigil --help')");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void anUnknownOptionIsAOneLineErrorWithExitCodeTwo() {
		CommandRun run = CommandRun.of(Map.of(), "db-info", "--bogus");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().strip().lines()).hasSize(1);
		assertThat(run.err()).contains("--bogus").contains("vigil db-info --help");
	}

	@Test
	void dbInfoPrintsTheDatabaseAndTheAppliedMigrations() {
		CommandRun run = CommandRun.onFreshDatabase("db-info");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("Database:   external PostgreSQL")
			.contains("Migrations:")
			.containsPattern("1\\s+foundation\\s+Success");
	}

	@Test
	void anUnreachableDatabaseIsOneClearSentenceAndAFailingExit() {
		CommandRun run = CommandRun.of(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/vigil",
				"spring.datasource.username", "vigil", "spring.datasource.hikari.connection-timeout", "2000"),
				"db-info");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err().strip().lines()).hasSize(1);
		assertThat(run.err()).contains("Vigil cannot reach its database").contains("SPRING_DATASOURCE_URL");
	}

}
