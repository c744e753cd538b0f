package org.vigil.tagging;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped gazetteer files are applied again on the first start after they changed:
 * what the files say comes back, what admins added from candidates stays, and unchanged
 * files are not applied again. Flyway sees a changed file as a changed checksum of the
 * repeatable migration; here the database is put back to what an older file would have
 * loaded, with that older checksum, and then started with the files as shipped.
 */
class GazetteerRefreshTest {

	final DriverManagerDataSource database = new DriverManagerDataSource(TestPostgres.emptyDatabase(), "postgres", "");

	final JdbcTemplate jdbc = new JdbcTemplate(this.database);

	@Test
	void changedFilesAreAppliedOnTheNextStartKeepingWhatAdminsAddedAndUnchangedOnesAreNot() {
		start();
		long personId = number("select e.id from entity e join person_role r on r.entity_id = e.id "
				+ "where e.type = 'person' and r.valid_to is not null order by e.key limit 1");
		String name = text("select name from entity where id = " + personId);
		String validTo = text("select min(valid_to)::text from person_role where entity_id = " + personId
				+ " and valid_to is not null");
		long aliases = number("select count(*) from entity_alias where entity_id = " + personId);
		long version = number("select version from gazetteer_version");

		// What an older file loaded: another name, one alias fewer, the office still
		// held, one role phrase fewer.
		this.jdbc.update("update entity set name = 'Old Name' where id = ?", personId);
		this.jdbc.update("delete from entity_alias where id = (select max(id) from entity_alias where entity_id = ?)",
				personId);
		this.jdbc.update("update person_role set valid_to = null where entity_id = ? and valid_to = cast(? as date)",
				personId, validTo);
		String phrase = text("select phrase from role_phrase order by id limit 1");
		this.jdbc.update("delete from role_phrase where phrase = ?", phrase);
		this.jdbc.update("update flyway_schema_history set checksum = checksum + 1 where version is null "
				+ "and description = 'gazetteer from db gazetteer yaml'");
		// Meanwhile admins added an entity and an alias from the candidates.
		this.jdbc.update("insert into entity (type, key, name, attributes) values "
				+ "('person', 'jane-admin', 'Jane Admin', '{\"source\": \"candidate\"}')");
		this.jdbc.update("insert into entity_alias (entity_id, alias, match) values (?, 'The Minister X', 'folded')",
				personId);

		assertThat(start()).isEqualTo(1);
		assertThat(text("select name from entity where id = " + personId)).isEqualTo(name);
		assertThat(number("select count(*) from entity_alias where entity_id = " + personId)).isEqualTo(aliases + 1);
		assertThat(number("select count(*) from person_role where entity_id = " + personId + " and valid_to = cast('"
				+ validTo + "' as date)"))
			.isEqualTo(1);
		assertThat(number("select count(*) from role_phrase where phrase = '" + phrase.replace("'", "''") + "'"))
			.isEqualTo(1);
		assertThat(number("select count(*) from entity where key = 'jane-admin'")).isEqualTo(1);
		assertThat(number("select count(*) from entity_alias where alias = 'The Minister X'")).isEqualTo(1);
		// Items are re-tagged against the changed gazetteer.
		assertThat(number("select version from gazetteer_version")).isGreaterThan(version);

		assertThat(start()).isZero();
	}

	@Test
	void aFreshDatabaseLoadsTheGazetteerOnce() {
		start();
		assertThat(number("select count(*) from entity")).isGreaterThan(100);
		assertThat(number("select version from gazetteer_version")).isEqualTo(1);
		assertThat(number("select count(*) from person_role r1 join person_role r2 on r1.id < r2.id "
				+ "and r1.entity_id = r2.entity_id and r1.role = r2.role "
				+ "and r1.valid_from is not distinct from r2.valid_from"))
			.as("no office recorded twice")
			.isZero();
	}

	/** A start of Vigil; returns how many migrations ran. */
	int start() {
		return Flyway.configure()
			.dataSource(this.database)
			.locations("classpath:db/migration")
			.javaMigrations(new GazetteerSeedMigration(), new GazetteerRefresh())
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
