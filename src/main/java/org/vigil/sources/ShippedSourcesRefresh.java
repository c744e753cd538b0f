package org.vigil.sources;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Repeatable migration: applies {@code db/sources/sources.yaml} whenever it changed. Its
 * checksum is the file's, so Flyway runs it on the first start after the file changes and
 * never otherwise; what admins edited is kept ({@link ShippedSources}).
 */
@Component
class ShippedSourcesRefresh implements JavaMigration {

	private final ShippedSources file;

	ShippedSourcesRefresh() {
		this(new ClassPathResource("db/sources/sources.yaml"));
	}

	ShippedSourcesRefresh(Resource file) {
		this.file = new ShippedSources(file);
	}

	@Override
	public MigrationVersion getVersion() {
		return null;
	}

	@Override
	public String getDescription() {
		return "shipped sources from db sources sources yaml";
	}

	@Override
	public Integer getChecksum() {
		return this.file.checksum();
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) {
		this.file.apply(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
	}

}
