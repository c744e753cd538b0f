package org.vigil.sources;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped sources file is applied whenever it changes, on the next start: a field an
 * admin left as shipped takes the file's new value, a field they edited keeps theirs, and
 * an unchanged file is not applied again. Each "start" is a Flyway run over the real
 * migrations on a real PostgreSQL database.
 */
class ShippedSourcesRefreshTest {

	static final String V1 = """
			sources:
			  - key: ministry
			    name: Ministry
			    kind: feed
			    language: en
			    urls: [https://ministry.example/feed.xml]
			    selectors: {title: h1, body: .old-body}
			    settings: {zone: Europe/Warsaw}
			""";

	// The site changed its template; the ministry got a second feed; a new source.
	static final String V2 = """
			sources:
			  - key: ministry
			    name: Ministry of Defence
			    kind: feed
			    language: en
			    urls: [https://ministry.example/feed.xml, https://ministry.example/speeches.xml]
			    selectors: {title: h1, body: .article-body}
			    settings: {zone: Europe/Warsaw, type: press-release}
			  - key: agency
			    name: Agency
			    kind: feed
			    urls: [https://agency.example/feed.xml]
			""";

	final DriverManagerDataSource database = new DriverManagerDataSource(TestPostgres.emptyDatabase(), "postgres", "");

	final JdbcTemplate jdbc = new JdbcTemplate(this.database);

	@Test
	void aChangedFileIsAppliedOnTheNextStartAndWhatTheAdminEditedIsKept() {
		assertThat(start(V1)).isPositive();
		assertThat(text("select selectors ->> 'body' from source where key = 'ministry'")).isEqualTo(".old-body");

		// An admin renames the source and turns it off.
		this.jdbc.update("update source set name = 'Ministry (edited)', enabled = false, version = version + 1 "
				+ "where key = 'ministry'");
		long version = number("select version from source where key = 'ministry'");

		assertThat(start(V2)).isEqualTo(1);
		assertThat(text("select selectors ->> 'body' from source where key = 'ministry'")).isEqualTo(".article-body");
		assertThat(text("select array_to_string(urls, ' ') from source where key = 'ministry'"))
			.isEqualTo("https://ministry.example/feed.xml https://ministry.example/speeches.xml");
		assertThat(text("select settings ->> 'type' from source where key = 'ministry'")).isEqualTo("press-release");
		assertThat(text("select name from source where key = 'ministry'")).isEqualTo("Ministry (edited)");
		assertThat(text("select enabled::text from source where key = 'ministry'")).isEqualTo("false");
		assertThat(text("select name from source where key = 'agency'")).isEqualTo("Agency");
		// An admin's page open on the old version can no longer overwrite the change.
		assertThat(number("select version from source where key = 'ministry'")).isGreaterThan(version);
	}

	@Test
	void anUnchangedFileIsNotAppliedAgain() {
		start(V1);
		// Applied again, the file would bring the deleted source back.
		this.jdbc.update("delete from source where key = 'ministry'");

		assertThat(start(V1)).isZero();
		assertThat(number("select count(*) from source where key = 'ministry'")).isZero();
	}

	@Test
	void aBadFileStopsTheStartWithTheSourceAndSettingNamedAndChangesNothing() {
		start(V1);
		String bad = V2.replace("zone: Europe/Warsaw, type", "zone: Europe/Warsw, type");
		assertThatThrownBy(() -> start(bad)).hasStackTraceContaining("source ministry: setting zone")
			.hasStackTraceContaining("Europe/Warsw");
		assertThat(text("select selectors ->> 'body' from source where key = 'ministry'")).isEqualTo(".old-body");
		assertThat(number("select count(*) from source where key = 'agency'")).isZero();
	}

	/** A start of Vigil with this sources file; returns how many migrations ran. */
	int start(String sourcesFile) {
		JavaMigration shipped = new ShippedSourcesRefresh(
				new ByteArrayResource(sourcesFile.getBytes(StandardCharsets.UTF_8), "sources.yaml"));
		return Flyway.configure()
			.dataSource(this.database)
			.locations("classpath:db/migration")
			.javaMigrations(new ShippedSourcesMigration(), shipped)
			.load()
			.migrate().migrationsExecuted;
	}

	private String text(String sql) {
		return this.jdbc.queryForObject(sql, String.class);
	}

	private long number(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
