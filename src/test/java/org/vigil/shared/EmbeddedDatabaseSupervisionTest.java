package org.vigil.shared;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the embedded PostgreSQL's server process dies (kill -9 of the postmaster), Vigil
 * starts it again on the same data directory and port, and every committed row is there.
 */
class EmbeddedDatabaseSupervisionTest {

	@TempDir
	Path dataDir;

	@Test
	void aKilledPostmasterIsRestartedOnTheSamePortWithEveryCommittedRow() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabaseProperties.of(this.dataDir))) {
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				statement.execute("create table committed (n int primary key)");
				statement.execute("insert into committed select generate_series(1, 1000)");
			}
			long killed = database.postmasterPid();
			int port = database.port();

			ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // SIGKILL

			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			List<String> failures = new ArrayList<>();
			Integer rows = null;
			while (rows == null && System.nanoTime() < deadline) {
				try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
					var result = statement.executeQuery("select count(*) from committed");
					result.next();
					rows = result.getInt(1);
				}
				catch (SQLException ex) {
					failures.add(ex.getMessage());
					Thread.sleep(200);
				}
			}
			assertThat(rows).as("rows after the restart (failures meanwhile: %s)", failures.size()).isEqualTo(1000);
			assertThat(failures).as("the server was down for a while").isNotEmpty();
			// The new server takes connections a moment before pg_ctl returns and the
			// supervisor notes its pid.
			while (database.postmasterPid() == killed && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(database.postmasterPid()).isNotEqualTo(killed);
			assertThat(database.port()).isEqualTo(port);
			assertThat(ProcessHandle.of(database.postmasterPid()).map(ProcessHandle::isAlive)).contains(true);
		}
	}

	private static Connection connect(EmbeddedDatabase database) throws SQLException {
		return EmbeddedDatabasePasswordTest.connect(database.jdbcUrl(), database.password());
	}

}
