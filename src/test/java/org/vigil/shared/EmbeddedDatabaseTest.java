package org.vigil.shared;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.VigilApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Vigil's default database: its own PostgreSQL, in a data directory that outlives the
 * process.
 */
class EmbeddedDatabaseTest {

	@TempDir
	Path dataDir;

	@Test
	void dataWrittenBeforeARestartIsThereAfterIt() {
		try (ConfigurableApplicationContext first = start()) {
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			jdbc.execute("create table restart_probe (note text)");
			jdbc.update("insert into restart_probe values ('written before the restart')");
		}
		try (ConfigurableApplicationContext second = start()) {
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("select note from restart_probe", String.class))
				.containsExactly("written before the restart");
			assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
				.isPositive();
			assertThat(second.getBean(DatabaseDescription.class).describe()).startsWith("embedded PostgreSQL")
				.contains(this.dataDir.toAbsolutePath().toString());
		}
	}

	@Test
	void aSecondVigilOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsRunning() {
		try (ConfigurableApplicationContext first = start()) {
			assertThatThrownBy(this::start).satisfies(failure -> assertThat(StartupProblems.explain(failure))
				.hasValueSatisfying(sentence -> assertThat(sentence).contains("is in use by another running Vigil")
					.contains(this.dataDir.toAbsolutePath().toString())));
			assertThat(first.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class)).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(VigilApplication.class).web(WebApplicationType.NONE)
			.run("--vigil.embedded-db.data-dir=" + this.dataDir, "--vigil.scheduling.enabled=false");
	}

}
