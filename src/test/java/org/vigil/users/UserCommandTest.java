package org.vigil.users;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.support.CommandRun;
import org.vigil.support.CommandSession;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code user add/list/set-password} and the first admin from the environment. */
class UserCommandTest {

	private final Map<String, String> database = Map.of("spring.datasource.url", TestPostgres.newDatabase(),
			"spring.datasource.username", "postgres");

	/** One command context for this test's commands, closed after it. */
	private final CommandSession vigil = CommandSession.with(this.database);

	@AfterEach
	void closeCommandContext() {
		this.vigil.close();
	}

	@Test
	void addsAnAdminWithThePasswordFromStandardInputAndListsIt() {
		CommandRun added = this.vigil.withInput("a long enough secret\n", "user", "add", "--email", "Chief@Example.org",
				"--admin", "--password-stdin");
		assertThat(added.exitCode()).as(added.err()).isZero();
		assertThat(added.out()).contains("Created admin chief@example.org");
		CommandRun list = this.vigil.run("user", "list");
		assertThat(list.out()).containsPattern("chief@example\\.org\\s+admin\\s+yes\\s+UTC\\s+never");
	}

	@Test
	void refusesAnEmptyOrWeakPasswordAndADuplicateAddressAsUsageErrors() {
		CommandRun empty = this.vigil.withInput("", "user", "add", "--email", "a@example.org", "--password-stdin");
		assertThat(empty.exitCode()).isEqualTo(2);
		assertThat(empty.err()).contains("standard input was empty");
		CommandRun weak = this.vigil.withInput("short\n", "user", "add", "--email", "a@example.org",
				"--password-stdin");
		assertThat(weak.exitCode()).isEqualTo(2);
		assertThat(weak.err()).contains("at least 10 characters");
		assertThat(this.vigil
			.withInput("a long enough secret\n", "user", "add", "--email", "a@example.org", "--password-stdin")
			.exitCode()).isZero();
		CommandRun twice = this.vigil.withInput("a long enough secret\n", "user", "add", "--email", "A@example.org",
				"--password-stdin");
		assertThat(twice.exitCode()).isEqualTo(2);
		assertThat(twice.err()).contains("already an account for a@example.org");
	}

	@Test
	void thePasswordIsNeverAnArgument() {
		CommandRun run = this.vigil.run("user", "add", "--email", "a@example.org", "--password", "hunter2hunter2");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out() + run.err()).doesNotContain("Created");
	}

	@Test
	void firstAdminComesFromTheEnvironmentOnlyWhenThereIsNoAdminAndNeverWithAWeakPassword() {
		Map<String, String> weak = with("vigil.users.admin-email", "boss@example.org", "vigil.users.admin-password",
				"short");
		CommandRun refused = CommandRun.of(weak, "user", "list");
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).contains("VIGIL_USERS_ADMIN_PASSWORD").contains("at least 10 characters");

		Map<String, String> good = with("vigil.users.admin-email", "boss@example.org", "vigil.users.admin-password",
				"a long enough secret");
		CommandRun created = CommandRun.of(good, "user", "list");
		assertThat(created.exitCode()).as(created.err()).isZero();
		assertThat(created.out()).containsPattern("boss@example\\.org\\s+admin\\s+yes");

		Map<String, String> other = with("vigil.users.admin-email", "other@example.org", "vigil.users.admin-password",
				"another long secret");
		assertThat(CommandRun.of(other, "user", "list").out()).doesNotContain("other@example.org");
	}

	private Map<String, String> with(String... pairs) {
		var properties = new java.util.HashMap<>(this.database);
		for (int i = 0; i < pairs.length; i += 2) {
			properties.put(pairs[i], pairs[i + 1]);
		}
		return properties;
	}

}
