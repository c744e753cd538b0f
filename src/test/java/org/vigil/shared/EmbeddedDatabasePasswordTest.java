package org.vigil.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL lets in only who knows the superuser's password, kept where
 * only the owner of the data directory can read it, and keeps what it committed.
 */
class EmbeddedDatabasePasswordTest {

	@TempDir
	Path dataDir;

	@Test
	void aNewClusterRefusesALoginWithoutThePasswordAndKeepsThePasswordInAnOwnerOnlyFile() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabaseProperties.of(this.dataDir))) {
			Path passwordFile = this.dataDir.resolve("vigil-superuser-password");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
				.isEqualTo("rw-------");
			String password = Files.readString(passwordFile).trim();
			assertThat(password).hasSizeGreaterThanOrEqualTo(40).isEqualTo(database.password());

			assertThatThrownBy(() -> connect(database.jdbcUrl(), null)).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> connect(database.jdbcUrl(), "postgres")).isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
			try (Connection connection = connect(database.jdbcUrl(), password)) {
				assertThat(setting(connection, "fsync")).isEqualTo("on");
				assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
				assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
			}
		}
	}

	@Test
	void aClusterMadeBeforePasswordsIsGivenOneOnStart() throws Exception {
		// What zonky's initdb makes, and what every Vigil before this change ran: trust.
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDir)
			.setCleanDataDirectory(false)
			.start()) {
			try (Connection connection = old.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create database vigil");
			}
			try (Connection connection = connect(old.getJdbcUrl("postgres", "vigil"), null);
					Statement statement = connection.createStatement()) {
				statement.execute("create table kept (note text)");
				statement.execute("insert into kept values ('from before passwords')");
			}
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabaseProperties.of(this.dataDir))) {
			assertThat(Files.getPosixFilePermissions(this.dataDir.resolve("vigil-superuser-password")))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
			assertThatThrownBy(() -> connect(database.jdbcUrl(), null)).isInstanceOf(SQLException.class);
			try (Connection connection = connect(database.jdbcUrl(), database.password());
					Statement statement = connection.createStatement()) {
				var rows = statement.executeQuery("select note from kept");
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("from before passwords");
			}
		}
		try (EmbeddedDatabase again = EmbeddedDatabase.start(EmbeddedDatabaseProperties.of(this.dataDir))) {
			try (Connection connection = connect(again.jdbcUrl(), again.password())) {
				assertThat(connection.isValid(1)).isTrue();
			}
		}
	}

	static Connection connect(String url, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(url, properties);
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			var rows = statement.executeQuery("show " + name);
			rows.next();
			return rows.getString(1);
		}
	}

}
