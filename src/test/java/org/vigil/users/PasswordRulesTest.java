package org.vigil.users;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.CommandRun;
import org.vigil.support.TestPostgres;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NIST SP 800-63B's password rules, everywhere a password is set: at least 10 characters,
 * none of the 10,000 most common passwords, not the account's e-mail address or the part
 * before its @; each refusal says why in one sentence.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "vigil.users.max-failures-per-account=3",
		"vigil.users.max-failures-per-address=6", "vigil.site.base-url=https://vigil.example.org" })
class PasswordRulesTest {

	private final Passwords passwords = new Passwords();

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Invitations invitations;

	@AfterEach
	void forgetFailedLogins() {
		this.jdbc.update("delete from login_throttle");
	}

	@Test
	void theShippedListHoldsTenThousandCommonPasswords() throws Exception {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				Passwords.class.getResourceAsStream(Passwords.COMMON_PASSWORDS), StandardCharsets.UTF_8))) {
			assertThat(reader.lines().filter((line) -> !line.isBlank()).count()).isGreaterThanOrEqualTo(10_000);
		}
	}

	@Test
	void commonPasswordsAreRefusedWhateverTheirCase() {
		for (String common : new String[] { "qwertyuiop", "1234567890", "password123", "Password123", "BASKETBALL",
				"1qaz2wsx3edc" }) {
			assertThat(this.passwords.problem(common, "someone@example.org")).as(common)
				.hasValue(
						"This password is one of the 10,000 most common ones, which are tried first; choose another.");
		}
	}

	@Test
	void theEmailAddressOrItsLocalPartIsRefused() {
		String refusal = "A password cannot be the e-mail address or the part before its @.";
		assertThat(this.passwords.problem("chief.editor@example.org", "Chief.Editor@Example.org")).hasValue(refusal);
		assertThat(this.passwords.problem("Chief.Editor", "chief.editor@example.org")).hasValue(refusal);
		assertThat(this.passwords.problem("chief.editor and more", "chief.editor@example.org")).isEmpty();
	}

	@Test
	void anUncommonLongPasswordIsAccepted() {
		assertThat(this.passwords.problem(TestUsers.PASSWORD, "someone@example.org")).isEmpty();
		assertThat(this.passwords.problem("short", "someone@example.org"))
			.hasValue("A password needs at least 10 characters.");
	}

	@Test
	void aPasswordChangeInSettingsRefusesACommonPassword() {
		TestUsers.analyst(this.jdbc, "changer@example.org");
		WebSession session = new WebSession(this.port).login("changer@example.org", TestUsers.PASSWORD);
		session.postForm("/settings/password", Map.of("currentPassword", TestUsers.PASSWORD, "newPassword",
				"password123", "confirmPassword", "password123"));
		assertThat(session.page("/settings")).contains("one of the 10,000 most common ones")
			.contains("The password was not changed.");
		session.postForm("/settings/password", Map.of("currentPassword", TestUsers.PASSWORD, "newPassword",
				"changer@example.org", "confirmPassword", "changer@example.org"));
		assertThat(session.page("/settings")).contains("cannot be the e-mail address");
		new WebSession(this.port).login("changer@example.org", TestUsers.PASSWORD);
	}

	@Test
	void anInvitationCannotBeAcceptedWithACommonPasswordOrTheAddress() {
		long id = this.jdbc.queryForObject(
				"insert into app_user (email, role) values ('invited.person@example.org', 'analyst') returning id",
				Long.class);
		String path = this.invitations.issue(id, null).path();
		WebSession invitee = new WebSession(this.port);
		invitee.postForm(path, Map.of("password", "qwertyuiop", "confirmPassword", "qwertyuiop"));
		assertThat(invitee.page(path)).contains("one of the 10,000 most common ones");
		invitee.postForm(path, Map.of("password", "invited.person", "confirmPassword", "invited.person"));
		assertThat(invitee.page(path)).contains("cannot be the e-mail address");
		assertThat(
				this.jdbc.queryForObject("select password_hash is null from app_user where id = ?", Boolean.class, id))
			.isTrue();
	}

	@Test
	void anAdminCannotCreateAnAccountWithACommonPassword() {
		TestUsers.admin(this.jdbc, "creator@example.org");
		WebSession admin = new WebSession(this.port).login("creator@example.org", TestUsers.PASSWORD);
		admin.postForm("/admin/users",
				Map.of("email", "weak@example.org", "mode", "password", "password", "1234567890"));
		assertThat(admin.page("/admin/users")).contains("one of the 10,000 most common ones");
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where email = 'weak@example.org'",
				Integer.class))
			.isZero();
	}

	@Test
	void theCommandLineRefusesACommonPasswordAndTheAddress() {
		Map<String, String> database = Map.of("spring.datasource.url", TestPostgres.newDatabase(),
				"spring.datasource.username", "postgres");
		CommandRun common = CommandRun.withInput("qwertyuiop\n", database, "user", "add", "--email", "cli@example.org",
				"--admin", "--password-stdin");
		assertThat(common.exitCode()).as(common.err()).isEqualTo(2);
		assertThat(common.err()).contains("one of the 10,000 most common ones");
		CommandRun address = CommandRun.withInput("cli@example.org\n", database, "user", "add", "--email",
				"cli@example.org", "--password-stdin");
		assertThat(address.exitCode()).isEqualTo(2);
		assertThat(address.err()).contains("cannot be the e-mail address");
	}

}
