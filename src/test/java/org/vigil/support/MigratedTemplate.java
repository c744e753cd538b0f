package org.vigil.support;

import java.lang.reflect.Constructor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The database every test database is copied from: Vigil's migrations
 * ({@code db/migration} and the Java migrations Spring Boot hands to Flyway) applied
 * once, then closed to connections, because PostgreSQL copies a template only while
 * nobody is connected to it.
 *
 * <p>
 * Made at most once per server: an advisory lock serialises JVMs that share a server and
 * an existing template is reused, so parallel test forks never race to migrate it.
 */
record MigratedTemplate(String name) {

	private static final String NAME = "vigil_template";

	/** Any fixed number: the advisory lock that guards making the template. */
	private static final long LOCK = 0x76_69_67_69_6cL;

	static MigratedTemplate on(EmbeddedPostgres server) {
		try (Connection admin = server.getPostgresDatabase().getConnection();
				Statement statement = admin.createStatement()) {
			statement.execute("select pg_advisory_lock(" + LOCK + ")");
			try {
				if (!exists(statement)) {
					migrate(server, statement);
				}
			}
			finally {
				statement.execute("select pg_advisory_unlock(" + LOCK + ")");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not make the migrated test database template " + NAME, ex);
		}
		return new MigratedTemplate(NAME);
	}

	private static boolean exists(Statement statement) throws SQLException {
		try (var rows = statement.executeQuery("select 1 from pg_database where datname = '" + NAME + "'")) {
			return rows.next();
		}
	}

	private static void migrate(EmbeddedPostgres server, Statement statement) throws SQLException {
		String building = NAME + "_building";
		statement.execute("drop database if exists " + building);
		statement.execute("create database " + building);
		Flyway.configure()
			.dataSource(server.getJdbcUrl("postgres", building), "postgres", "")
			.locations("classpath:db/migration")
			.javaMigrations(javaMigrations().toArray(JavaMigration[]::new))
			.load()
			.migrate();
		// Renamed only when complete: a half-migrated template is never copied.
		statement.execute("alter database " + building + " rename to " + NAME);
		statement.execute("alter database " + NAME + " with is_template true allow_connections false");
	}

	/**
	 * The Java migrations the application registers as beans, found the way Spring finds
	 * them, so a migration added later is in the template without a change here.
	 */
	private static List<JavaMigration> javaMigrations() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(JavaMigration.class));
		return scanner.findCandidateComponents("org.vigil")
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.map(name -> ClassUtils.resolveClassName(name, null))
			.filter(type -> AnnotationUtils.findAnnotation(type, Component.class) != null)
			.map(MigratedTemplate::instantiate)
			.toList();
	}

	private static JavaMigration instantiate(Class<?> type) {
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return (JavaMigration) constructor.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Java migration " + type.getName()
					+ " needs a no-argument constructor for the test template (see MigratedTemplate)", ex);
		}
	}

}
