package org.vigil.digest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.CommandRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Across features on the command line: a user and a saved search made with {@code user
 * add} and {@code search add}, a statement brought in with {@code import}, and the weekly
 * digest that {@code digest run} mails lists it under that search.
 */
class SearchToDigestTest {

	private final CommandsWithMail commands = new CommandsWithMail();

	@AfterEach
	void close() {
		this.commands.close();
	}

	@Test
	void aSearchAddedOnTheCommandLineMailsTheImportedStatementInTheDigest() throws Exception {
		CommandRun user = this.commands.vigil.withInput("a long enough secret\n", "user", "add", "--email",
				"ann@example.org", "--password-stdin");
		assertThat(user.exitCode()).as(user.err()).isZero();
		JdbcClient jdbc = this.commands.jdbc();
		// Ann's digest is due today at 00:00 UTC, whatever day the test runs.
		jdbc.sql("update app_user set digest_day = :day, digest_hour = 0, time_zone = 'UTC',"
				+ " created_at = timestamptz '2020-01-01 00:00Z'")
			.param("day", LocalDate.now(ZoneOffset.UTC).getDayOfWeek().getValue())
			.update();
		CommandRun search = this.commands.vigil.run("search", "add", "--user", "ann@example.org", "--name", "Lithuania",
				"--query", "Lithuania", "--country", "LT");
		assertThat(search.exitCode()).as(search.err()).isZero();

		CommandRun imported = this.commands.vigil.run("import",
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

		CommandRun digest = this.commands.vigil.run("digest", "run");
		assertThat(digest.exitCode()).as(digest.err()).isZero();
		assertThat(digest.out()).contains("sent 1, skipped 0, failed 0");
		assertThat(this.commands.smtp.getReceivedMessages()).hasSize(1);
		String mail = text(this.commands.smtp.getReceivedMessages()[0]);
		assertThat(mail).contains("Minister visits Allied troops in Lithuania").contains("/items/");
		assertThat(this.commands.smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
			.isEqualTo("ann@example.org");
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
