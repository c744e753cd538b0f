package org.vigil.digest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.vigil.support.CommandRun;
import org.vigil.support.CommandSession;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Across features on the command line: a user and a saved search made with {@code user
 * add} and {@code search add}, a statement brought in with {@code import}, and the weekly
 * digest that {@code digest run} mails lists it under that search.
 */
class SearchToDigestTest {

	private final int port = DigestFixture.freePort();

	private final GreenMail smtp = DigestFixture.smtpServer(this.port);

	private final String url = TestPostgres.newDatabase();

	private final Map<String, String> properties = Map.of("spring.datasource.url", this.url,
			"spring.datasource.username", "postgres", "spring.mail.host", "127.0.0.1", "spring.mail.port",
			String.valueOf(this.port));

	/** One command context for this test's commands, closed after it. */
	private final CommandSession vigil = CommandSession.with(this.properties);

	@AfterEach
	void closeCommandContext() {
		this.vigil.close();
	}

	@AfterEach
	void stop() {
		this.smtp.stop();
	}

	@Test
	void aSearchAddedOnTheCommandLineMailsTheImportedStatementInTheDigest() throws Exception {
		CommandRun user = this.vigil.withInput("a long enough secret\n", "user", "add", "--email", "ann@example.org",
				"--password-stdin");
		assertThat(user.exitCode()).as(user.err()).isZero();
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(this.url, "postgres", ""));
		// Ann's digest is due today at 00:00 UTC, whatever day the test runs.
		jdbc.sql("update app_user set digest_day = :day, digest_hour = 0, time_zone = 'UTC',"
				+ " created_at = timestamptz '2020-01-01 00:00Z'")
			.param("day", LocalDate.now(ZoneOffset.UTC).getDayOfWeek().getValue())
			.update();
		CommandRun search = this.vigil.run("search", "add", "--user", "ann@example.org", "--name", "Lithuania",
				"--query", "Lithuania", "--country", "LT");
		assertThat(search.exitCode()).as(search.err()).isZero();

		CommandRun imported = this.vigil.run("import",
				Path.of("src/test/resources/import/dated-statement.txt").toString());
		assertThat(imported.exitCode()).as(imported.err()).isZero();
		// Imported yesterday: inside the week that ended at today's 00:00.
		jdbc.sql("update item set first_seen_at = now() - interval '1 day'").update();
		for (int i = 0; i < 100 && jdbc
			.sql("select count(*) from item_entity ie join entity e on e.id = ie.entity_id"
					+ " where e.type = 'country' and e.key = 'LT'")
			.query(Long.class)
			.single() == 0; i++) {
			Thread.sleep(100);
		}

		CommandRun digest = this.vigil.run("digest", "run");
		assertThat(digest.exitCode()).as(digest.err()).isZero();
		assertThat(digest.out()).contains("sent 1, skipped 0, failed 0");
		assertThat(this.smtp.getReceivedMessages()).hasSize(1);
		String mail = text(this.smtp.getReceivedMessages()[0]);
		assertThat(mail).contains("Minister visits Allied troops in Lithuania").contains("/items/");
		assertThat(this.smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("ann@example.org");
	}

	private static String text(Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i))).append('\n');
			}
			return text.toString();
		}
		return String.valueOf(content);
	}

}
