package org.vigil.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;

/**
 * The one real PostgreSQL server of a test JVM (the same binaries Vigil embeds), started
 * on first use and stopped when the JVM exits. Each Spring test context and each command
 * test gets a database of its own on it, so they never see each other's rows.
 *
 * <p>
 * A database is a copy of {@link MigratedTemplate} ({@code CREATE DATABASE … TEMPLATE}),
 * made once per JVM with Vigil's own migrations: copying takes a tenth of a second where
 * migrating takes seconds, and the application finds exactly the schema and reference
 * data its first start would have created.
 */
public final class TestPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	private static MigratedTemplate template;

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
					// Stopped after the cached Spring contexts have closed, not beside
					// them: JVM shutdown hooks run at once, and a context closing against
					// a stopped server waits out its connection timeout (held the forks
					// 30 s at exit until Surefire killed them).
					.setRegisterShutdownHook(false)
					.start();
				EmbeddedPostgres started = server;
				SpringApplication.getShutdownHandlers().add(() -> {
					try {
						started.close();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the test PostgreSQL", ex);
			}
		}
		return server;
	}

	/**
	 * Creates a database holding Vigil's migrated schema and reference data, as the
	 * application's first start leaves it, and returns its JDBC URL (user
	 * {@code postgres}). Starting Vigil on it migrates nothing.
	 */
	public static String newDatabase() {
		return create(migratedTemplate().name());
	}

	/**
	 * Creates a database with no tables at all, for tests of what happens before or
	 * during the first migration, and returns its JDBC URL (user {@code postgres}).
	 */
	public static String emptyDatabase() {
		return create("template1");
	}

	private static synchronized MigratedTemplate migratedTemplate() {
		if (template == null) {
			template = MigratedTemplate.on(server());
		}
		return template;
	}

	private static String create(String templateName) {
		String name = "vigil_test_" + databases.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name + " template " + templateName);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + " from " + templateName, ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

}
