package org.vigil.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one real PostgreSQL server of a test JVM (the same binaries Vigil embeds), started
 * on first use and stopped when the JVM exits. Each Spring test context gets a database
 * of its own on it, so contexts never see each other's rows.
 */
public final class TestPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	private TestPostgres() {
	}

	public static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder()
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setServerConfig("full_page_writes", "off")
					.setServerConfig("max_connections", "1000")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the test PostgreSQL", ex);
			}
		}
		return server;
	}

	/** Creates an empty database and returns its JDBC URL (user {@code postgres}). */
	public static String newDatabase() {
		String name = "vigil_test_" + databases.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

}
