package org.vigil.tagging;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * V20: once loaded the shipped gazetteer; databases that ran it keep it in their history.
 * The files ({@code db/gazetteer/*.yaml}) are now applied by {@link GazetteerRefresh}
 * whenever they change; admins edit the tables.
 */
@Component
class GazetteerSeedMigration extends BaseJavaMigration {

	@Override
	protected void init() {
		// version and description are fixed below, not taken from the class name
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("20");
	}

	@Override
	public String getDescription() {
		return "gazetteer seed from db gazetteer yaml";
	}

	@Override
	public void migrate(Context context) {
		// Loaded by the repeatable GazetteerRefresh, after every versioned migration, and
		// again whenever a file changes. A versioned migration must not expect gazetteer
		// rows on a fresh database.
	}

}
