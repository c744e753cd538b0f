package org.vigil.timeline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigil.support.CommandRun;
import org.vigil.support.CommandSession;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataCommandTest {

	@Test
	void drawsEntitiesFromTheShippedGazetteer() throws Exception {
		String url = TestPostgres.newDatabase();
		Map<String, String> database = Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres");
		CommandRun run = CommandRun.of(database, "demo-data", "--items", "300");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).doesNotContain("synthetic entities").contains("Added 300 synthetic items");
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			assertThat(single(statement, "select count(*) from entity where attributes ->> 'synthetic' = 'true'"))
				.isZero();
			assertThat(single(statement, "select count(distinct entity_id) from item_entity")).isGreaterThan(20);
			assertThat(single(statement,
					"select count(*) from mention m join item i on i.id = m.item_id"
							+ " where substr(i.body_text, m.start_pos + 1, m.end_pos - m.start_pos) <> m.surface"))
				.isZero();
		}
	}

	@Test
	void generatesSyntheticItemsWithEntitiesAndMentionsWhoseOffsetsPointAtTheirNames() throws Exception {
		String url = TestPostgres.newDatabase();
		Map<String, String> database = Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres");
		try (CommandSession vigil = CommandSession.with(database)) {
			assertThat(vigil.run("db-info").exitCode()).isZero();
			try (Connection connection = DriverManager.getConnection(url, "postgres", "");
					Statement statement = connection.createStatement()) {
				// an installation whose gazetteer was emptied
				statement.execute("delete from entity");
			}
			CommandRun run = vigil.run("demo-data", "--items", "500", "--batch", "200");
			assertThat(run.exitCode()).as(run.err()).isZero();
			assertThat(run.out()).contains("added 34 synthetic entities").contains("Added 500 synthetic items");
			CommandRun again = vigil.run("demo-data", "--items", "100");
			assertThat(again.exitCode()).as(again.err()).isZero();
			assertThat(again.out()).doesNotContain("synthetic entities");
			try (Connection connection = DriverManager.getConnection(url, "postgres", "");
					Statement statement = connection.createStatement()) {
				assertThat(single(statement, "select count(*) from item i join source s on s.id = i.source_id"
						+ " where s.key = 'synthetic' and s.kind = 'synthetic'"))
					.isEqualTo(600);
				assertThat(single(statement, "select count(*) from item_entity")).isBetween(1200L, 1800L);
				assertThat(single(statement,
						"select count(*) from mention m join item i on i.id = m.item_id"
								+ " where substr(i.body_text, m.start_pos + 1, m.end_pos - m.start_pos) <> m.surface"))
					.isZero();
				assertThat(single(statement, "select count(*) from entity where attributes ->> 'synthetic' = 'true'"))
					.isEqualTo(34);
				assertThat(single(statement,
						"select extract(year from max(published_at)) - extract(year from min(published_at))"
								+ " from item"))
					.isBetween(4L, 5L);
				assertThat(single(statement, "select count(*) from item where published_precision = 'date'"))
					.isPositive();
				assertThat(single(statement,
						"select count(*) from item where search @@ websearch_to_tsquery('simple', 'poland')"))
					.isPositive();
			}
			assertThat(vigil.run("demo-data", "--items", "0").exitCode()).isEqualTo(2);
		}
	}

	private static long single(Statement statement, String sql) throws Exception {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
