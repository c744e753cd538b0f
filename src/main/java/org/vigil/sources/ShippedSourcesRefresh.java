package org.vigil.sources;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.vigil.shared.ReferenceDataMigration;

/**
 * Repeatable migration: applies {@code db/sources/sources.yaml} whenever it changed. Its
 * checksum is the file's, so Flyway runs it on the first start after the file changes and
 * never otherwise; what admins edited is kept ({@link ShippedSources}).
 */
@Component
class ShippedSourcesRefresh extends ReferenceDataMigration {

	private final ShippedSources file;

	ShippedSourcesRefresh() {
		this(new ClassPathResource("db/sources/sources.yaml"));
	}

	ShippedSourcesRefresh(Resource file) {
		super("shipped sources from db sources sources yaml");
		this.file = new ShippedSources(file);
	}

	@Override
	public Integer getChecksum() {
		return this.file.checksum();
	}

	@Override
	protected void apply(JdbcTemplate jdbc) {
		this.file.apply(jdbc);
	}

}
