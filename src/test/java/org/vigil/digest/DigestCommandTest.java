package org.vigil.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.vigil.support.CommandRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code digest run [--user EMAIL]} obeys the same exactly-once record as the scheduler.
 */
class DigestCommandTest {

	private final CommandsWithMail commands = new CommandsWithMail();

	@AfterEach
	void close() {
		this.commands.close();
	}

	@Test
	void runsTheDueDigestsOfOneUserThenTheRestAndNeverTwice() throws Exception {
		CommandRun empty = this.commands.vigil.run("digest", "run");
		assertThat(empty.exitCode()).as(empty.err()).isZero();
		assertThat(empty.out()).contains("No digest is due.").contains("sent 0, skipped 0, failed 0");

		DigestFixture fixture = new DigestFixture(this.commands.jdbc());
		// due today at 00:00 UTC, whatever day the test runs
		int today = LocalDate.now(ZoneOffset.UTC).getDayOfWeek().getValue();
		long ann = fixture.user("ann@example.org", "UTC", "en", today, 0);
		long ben = fixture.user("ben@example.org", "UTC", "en", today, 0);
		fixture.search(ann, "Everything", "");
		fixture.search(ben, "Everything", "");
		fixture.item(fixture.source("mon-pl", "Ministry of National Defence"), "A statement of the week",
				Instant.now().minus(Duration.ofDays(2)));

		CommandRun one = this.commands.vigil.run("digest", "run", "--user", "ANN@example.org");
		assertThat(one.exitCode()).as(one.err()).isZero();
		assertThat(one.out()).contains("sent 1, skipped 0, failed 0");
		assertThat(this.commands.smtp.getReceivedMessages()).hasSize(1);
		assertThat(this.commands.smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
			.isEqualTo("ann@example.org");

		CommandRun again = this.commands.vigil.run("digest", "run", "--user", "ann@example.org");
		assertThat(again.out()).contains("No digest is due for ann@example.org.").contains("sent 0");
		CommandRun rest = this.commands.vigil.run("digest", "run");
		assertThat(rest.out()).contains("sent 1, skipped 0, failed 0");
		assertThat(this.commands.smtp.getReceivedMessages()).hasSize(2);
		assertThat(fixture.status(ben)).isEqualTo("sent");

		CommandRun nobody = this.commands.vigil.run("digest", "run", "--user", "nobody@example.org");
		assertThat(nobody.exitCode()).isEqualTo(2);
		assertThat(nobody.err()).contains("no account for nobody@example.org");
	}

}
