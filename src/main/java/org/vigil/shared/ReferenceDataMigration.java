package org.vigil.shared;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A repeatable Flyway migration that applies reference data shipped as files (sources,
 * gazetteer, stop words). Its checksum is the files', so Flyway runs it on the first
 * start after one of them changed and never otherwise; it runs in the migration's
 * transaction, on the migration's connection.
 */
public abstract class ReferenceDataMigration implements JavaMigration {

	private final String description;

	protected ReferenceDataMigration(String description) {
		this.description = description;
	}

	/** The checksum of the files this migration applies ({@link ResourceChecksum}). */
	@Override
	public abstract Integer getChecksum();

	/** Applies the files to the database, keeping what admins edited. */
	protected abstract void apply(JdbcTemplate jdbc);

	@Override
	public final MigrationVersion getVersion() {
		return null;
	}

	@Override
	public final String getDescription() {
		return this.description;
	}

	@Override
	public final boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public final void migrate(Context context) {
		apply(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
	}

}
