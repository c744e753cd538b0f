package org.vigil.shared;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code db-info}: which database Vigil uses and which migrations it has. */
@Component
@Command(name = "db-info", mixinStandardHelpOptions = true,
		description = "Print the database in use and its migrations (migrating it first, as the application does).")
class DbInfoCommand implements Callable<Integer> {

	private final DatabaseDescription database;

	private final Flyway flyway;

	private final JdbcTemplate jdbc;

	@Spec
	CommandSpec spec;

	DbInfoCommand(DatabaseDescription database, Flyway flyway, JdbcTemplate jdbc) {
		this.database = database;
		this.flyway = flyway;
		this.jdbc = jdbc;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		String description = this.database.describe();
		// Touching the JdbcTemplate runs pending migrations first, as the application
		// does.
		String schema = this.jdbc.queryForObject("select current_schema()", String.class);
		out.println("Database:   " + description);
		out.println("Schema:     " + schema);
		MigrationInfo[] migrations = this.flyway.info().all();
		out.println("Migrations: " + migrations.length);
		for (MigrationInfo migration : migrations) {
			out.printf("  %-6s %-40s %-10s %s%n", migration.getVersion(), migration.getDescription(),
					migration.getState().getDisplayName(), migration.getInstalledOn());
		}
		out.flush();
		return 0;
	}

}
