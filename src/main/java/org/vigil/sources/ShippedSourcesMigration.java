package org.vigil.sources;

import java.io.IOException;
import java.io.InputStream;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration V10: the sources Vigil ships with ({@code db/sources/sources.yaml}) and the
 * "manual" source that {@code import} stores files under. Existing sources of the same
 * key are left as an admin edited them.
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
	public void migrate(Context context) throws IOException {
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
		try (InputStream in = new ClassPathResource("db/sources/sources.yaml").getInputStream()) {
			for (SourceDeclaration declaration : SourceYaml.read(in)) {
				SourceRepository.upsert(jdbc, declaration, false);
			}
		}
		SourceRepository.upsert(jdbc, new SourceDeclaration(MANUAL, "Imported files", "manual", true, null, null, null,
				null, null, 30, false), false);
	}

}
