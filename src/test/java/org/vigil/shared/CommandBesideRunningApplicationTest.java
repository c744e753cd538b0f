package org.vigil.shared;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.support.CommandRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first steps work in either order: a command run while the web application
 * holds the data directory (here its embedded database, started as the application starts
 * it) uses that application's PostgreSQL instead of refusing.
 */
class CommandBesideRunningApplicationTest {

	@TempDir
	Path dataDir;

	@Test
	void userAddWhileTheApplicationRunsWritesToTheApplicationsDatabase() throws Exception {
		try (EmbeddedDatabase running = EmbeddedDatabase.start(EmbeddedDatabaseProperties.of(this.dataDir))) {
			CommandRun add = CommandRun.withInput("a long passphrase for the admin\n",
					Map.of("vigil.embedded-db.data-dir", this.dataDir.toString()), "user", "add", "--email",
					"first@example.org", "--admin", "--password-stdin");
			assertThat(add.exitCode()).as(add.err()).isZero();

			try (Connection connection = EmbeddedDatabasePasswordTest.connect(running.jdbcUrl(), running.password());
					Statement statement = connection.createStatement()) {
				var rows = statement.executeQuery("select email, role from app_user");
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString("email")).isEqualTo("first@example.org");
				assertThat(rows.getString("role")).isEqualTo("admin");
			}
			CommandRun info = CommandRun.of(Map.of("vigil.embedded-db.data-dir", this.dataDir.toString()), "db-info");
			assertThat(info.exitCode()).as(info.err()).isZero();
			assertThat(info.out()).contains("embedded").contains(":" + running.port() + "/vigil");
			assertThat(running.ownsServer()).isTrue();
		}
	}

}
