package org.vigil.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded PostgreSQL ask every client for the superuser's password
 * ({@code scram-sha-256}). zonky's {@code initdb} trusts every local connection, so a
 * cluster made by it, or by a Vigil before this class existed, is switched over on start:
 * the password is set first, then {@code pg_hba.conf} rewritten and reloaded.
 */
final class PasswordAuthentication {

	static final String MARKER = "# Written by Vigil";

	private static final Logger log = LoggerFactory.getLogger(PasswordAuthentication.class);

	private PasswordAuthentication() {
	}

	static boolean isRequired(Path dataDir) throws IOException {
		Path hba = dataDir.resolve("pg_hba.conf");
		return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(MARKER);
	}

	/**
	 * Turns password authentication on for a server running on {@code dataDir}, reached
	 * through {@code superuser} (still trusted when this runs for the first time).
	 */
	static void require(Path dataDir, int port, DataSource superuser, String password)
			throws IOException, SQLException {
		if (isRequired(dataDir)) {
			return;
		}
		try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			// The password is random base64url: no quote can end the literal.
			statement.execute("alter role postgres with password '" + password + "'");
			Files.writeString(dataDir.resolve("pg_hba.conf"), hbaFile(), StandardCharsets.UTF_8);
			statement.execute("select pg_reload_conf()");
		}
		awaitPasswordlessLoginRefused(port);
		log.info("Embedded PostgreSQL in {} now requires the password kept in {}", dataDir,
				SuperuserPassword.file(dataDir));
	}

	/** The postmaster reloads {@code pg_hba.conf} on a signal, a moment after asking. */
	private static void awaitPasswordlessLoginRefused(int port) {
		String url = "jdbc:postgresql://localhost:" + port + "/postgres";
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			Properties noPassword = new Properties();
			noPassword.setProperty("user", EmbeddedDatabase.USER);
			try (Connection stillTrusted = DriverManager.getConnection(url, noPassword)) {
				log.debug("Waiting for PostgreSQL to reload pg_hba.conf");
			}
			catch (SQLException refused) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		log.warn("Embedded PostgreSQL still lets clients in without a password; check pg_hba.conf");
	}

	private static String hbaFile() {
		return MARKER + ": every client logs in with the password in " + SuperuserPassword.FILE_NAME + ".\n"
				+ "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
				+ "local   all       all                 scram-sha-256\n"
				+ "host    all       all   127.0.0.1/32  scram-sha-256\n"
				+ "host    all       all   ::1/128       scram-sha-256\n";
	}

}
