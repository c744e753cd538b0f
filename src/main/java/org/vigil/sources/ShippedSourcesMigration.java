package org.vigil.sources;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration V10: the "manual" source that {@code import} stores files under. The shipped
 * sources themselves ({@code db/sources/sources.yaml}) are applied by the repeatable
 * {@link ShippedSourcesRefresh} whenever that file changes.
 */
@Component
class ShippedSourcesMigration implements JavaMigration {

	static final String MANUAL = "manual";

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("10");
	}

	@Override
	public String getDescription() {
		return "shipped sources";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) {
		new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true))
			.update("insert into source (key, name, kind, official, enabled) values (?, 'Imported files', 'manual', "
					+ "true, false) on conflict (key) do nothing", MANUAL);
	}

}
