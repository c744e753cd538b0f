package org.vigil.users;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts over real HTTP: login required, roles, CSRF, the login throttle, sessions in
 * PostgreSQL, settings, invitations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "vigil.users.max-failures-per-account=3",
		"vigil.users.max-failures-per-address=6", "vigil.site.base-url=https://vigil.example.org" })
class AccountsWebTest {

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient jdbcClient;

	/** Every test logs in from 127.0.0.1: the throttle test must not block the others. */
	@AfterEach
	void forgetFailedLogins() {
		this.jdbc.update("delete from login_throttle");
	}

	@Test
	void everyPageButLoginRedirectsAnonymousVisitorsToTheLoginPage() {
		WebSession anonymous = new WebSession(this.port);
		for (String path : new String[] { "/", "/items/1", "/entities/country/PL", "/searches", "/settings",
				"/admin/users", "/admin/sources", "/register" }) {
			HttpResponse<String> response = anonymous.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
		}
		assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
	}

	@Test
	void adminPagesNeedTheAdminRole() {
		TestUsers.analyst(this.jdbc, "analyst@example.org");
		TestUsers.admin(this.jdbc, "admin@example.org");
		WebSession analyst = new WebSession(this.port).login("analyst@example.org", TestUsers.PASSWORD);
		assertThat(analyst.get("/").statusCode()).isEqualTo(200);
		for (String path : new String[] { "/admin/users", "/admin/sources", "/admin/candidates", "/admin/tagging" }) {
			assertThat(analyst.get(path).statusCode()).as(path).isEqualTo(403);
		}
		assertThat(analyst.page("/").contains("href=\"/admin/users\"")).isFalse();
		WebSession admin = new WebSession(this.port).login("admin@example.org", TestUsers.PASSWORD);
		assertThat(admin.page("/admin/users")).contains("analyst@example.org").contains("admin@example.org");
		assertThat(admin.page("/")).contains("href=\"/admin/users\"");
	}

	@Test
	void aFormPostedWithoutTheCsrfTokenIsRejectedAndChangesNothing() {
		long id = TestUsers.analyst(this.jdbc, "csrf@example.org");
		WebSession session = new WebSession(this.port).login("csrf@example.org", TestUsers.PASSWORD);
		Map<String, String> settings = Map.of("timeZone", "Europe/Warsaw", "language", "pl", "digestDay", "3",
				"digestHour", "9");
		assertThat(session.postFormWithoutToken("/settings", settings).statusCode()).isEqualTo(403);
		assertThat(zone(id)).isEqualTo("UTC");
		assertThat(session.postFormWithoutToken("/settings", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
		assertThat(session.postForm("/settings", settings).statusCode()).isEqualTo(302);
		assertThat(zone(id)).isEqualTo("Europe/Warsaw");
	}

	@Test
	void loginIsThrottledPerAccountThenPerAddressEvenWithTheRightPassword() {
		TestUsers.analyst(this.jdbc, "target@example.org");
		TestUsers.analyst(this.jdbc, "bystander@example.org");
		WebSession guesser = new WebSession(this.port);
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> wrong = guesser.postForm("/login",
					Map.of("username", "target@example.org", "password", "guess number " + i));
			assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		}
		HttpResponse<String> blocked = guesser.postForm("/login",
				Map.of("username", "target@example.org", "password", TestUsers.PASSWORD));
		assertThat(blocked.statusCode()).isEqualTo(429);
		assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
		assertThat(blocked.body()).contains("Too many failed attempts. Try again in 15 minutes.");
		// Three more failures on other accounts reach the address limit of six: now even
		// an account with no failures is refused from this address.
		for (int i = 0; i < 3; i++) {
			guesser.postForm("/login", Map.of("username", "nobody" + i + "@example.org", "password", "guess"));
		}
		assertThat(
				guesser.postForm("/login", Map.of("username", "bystander@example.org", "password", TestUsers.PASSWORD))
					.statusCode())
			.isEqualTo(429);
		assertThat(this.jdbc.queryForObject("select count(*) from login_throttle where blocked_until is not null",
				Integer.class))
			.isEqualTo(2);
	}

	@Test
	void aSessionLivesInPostgresqlWithSafeCookieSettingsAndEndsAtLogout() {
		TestUsers.analyst(this.jdbc, "session@example.org");
		WebSession session = new WebSession(this.port);
		HttpResponse<String> login = session.postForm("/login",
				Map.of("username", "session@example.org", "password", TestUsers.PASSWORD));
		String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).contains("SESSION=").contains("HttpOnly").contains("SameSite=Lax");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from spring_session where principal_name = 'session@example.org'", Integer.class))
			.isEqualTo(1);
		assertThat(session.get("/settings").statusCode()).isEqualTo(200);
		assertThat(session.postForm("/logout", Map.of()).headers().firstValue("Location").orElseThrow())
			.endsWith("/login?logout");
		assertThat(session.get("/settings").statusCode()).isEqualTo(302);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from spring_session where principal_name = 'session@example.org'", Integer.class))
			.isZero();
	}

	@Test
	void theCleanupJobDeletesExpiredSessionsAndKeepsLiveOnes() {
		TestUsers.analyst(this.jdbc, "expired@example.org");
		TestUsers.analyst(this.jdbc, "live@example.org");
		WebSession expired = new WebSession(this.port).login("expired@example.org", TestUsers.PASSWORD);
		WebSession live = new WebSession(this.port).login("live@example.org", TestUsers.PASSWORD);
		this.jdbc.update("update spring_session set expiry_time = 0 where principal_name = 'expired@example.org'");

		// the job as scheduled in the application (tests run with scheduling off)
		new ExpiredSessionsCleanup(this.jdbcClient).deleteExpiredSessions();

		assertThat(this.jdbc.queryForList(
				"select principal_name from spring_session where principal_name like '%_@example.org'", String.class))
			.contains("live@example.org")
			.doesNotContain("expired@example.org");
		assertThat(live.get("/settings").statusCode()).isEqualTo(200);
		assertThat(expired.get("/settings").statusCode()).isEqualTo(302);
	}

	@Test
	void settingsKeepTimeZoneLanguageAndDigestScheduleAndRefuseNonsense() {
		long id = TestUsers.analyst(this.jdbc, "settings@example.org");
		WebSession session = new WebSession(this.port).login("settings@example.org", TestUsers.PASSWORD);
		assertThat(session.page("/settings")).contains("Europe/Warsaw").contains("polski").contains("Monday");
		session.postForm("/settings", Map.of("displayName", "Ola", "timeZone", "Europe/Warsaw", "language", "pl",
				"digestDay", "5", "digestHour", "18"));
		assertThat(this.jdbc.queryForMap(
				"select display_name, time_zone, locale, digest_enabled, digest_day, digest_hour from app_user where id = ?",
				id))
			.containsEntry("display_name", "Ola")
			.containsEntry("time_zone", "Europe/Warsaw")
			.containsEntry("locale", "pl")
			.containsEntry("digest_enabled", false)
			.containsEntry("digest_day", 5)
			.containsEntry("digest_hour", 18);
		HttpResponse<String> bad = session.postForm("/settings",
				Map.of("timeZone", "Mars/Olympus", "language", "pl", "digestDay", "1", "digestHour", "7"));
		assertThat(bad.statusCode()).isEqualTo(302);
		assertThat(session.page("/settings")).contains("is not a time zone");
		assertThat(zone(id)).isEqualTo("Europe/Warsaw");
	}

	@Test
	void aPasswordChangeNeedsTheCurrentPassword() {
		TestUsers.analyst(this.jdbc, "pw@example.org");
		WebSession session = new WebSession(this.port).login("pw@example.org", TestUsers.PASSWORD);
		session.postForm("/settings/password", Map.of("currentPassword", "wrong wrong wrong", "newPassword",
				"brand new secret", "confirmPassword", "brand new secret"));
		assertThat(session.page("/settings")).contains("The current password is not right");
		session.postForm("/settings/password", Map.of("currentPassword", TestUsers.PASSWORD, "newPassword",
				"brand new secret", "confirmPassword", "brand new secret"));
		new WebSession(this.port).login("pw@example.org", "brand new secret");
	}

	@Test
	void anAdminInvitesAnAnalystWhoChoosesAPasswordWithALinkThatWorksOnce() {
		TestUsers.admin(this.jdbc, "boss@example.org");
		WebSession admin = new WebSession(this.port).login("boss@example.org", TestUsers.PASSWORD);
		admin.postForm("/admin/users", Map.of("email", "New.Analyst@example.org", "role", "analyst", "mode", "invite"));
		String page = admin.page("/admin/users");
		assertThat(page).contains("new.analyst@example.org").contains("invited");
		String link = page.replaceAll("(?s).*<code class=\"invitation-link\">([^<]+)</code>.*", "$1");
		assertThat(link).startsWith("https://vigil.example.org/invitations/");
		String path = link.substring("https://vigil.example.org".length());

		WebSession invitee = new WebSession(this.port);
		assertThat(invitee.page(path)).contains("new.analyst@example.org");
		invitee.postForm(path, Map.of("password", "short", "confirmPassword", "short"));
		assertThat(invitee.page(path)).contains("at least 10 characters");
		HttpResponse<String> accepted = invitee.postForm(path,
				Map.of("password", "my own secret", "confirmPassword", "my own secret"));
		assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/login?password");
		invitee.login("new.analyst@example.org", "my own secret");
		assertThat(new WebSession(this.port).get(path).statusCode()).isEqualTo(404);
	}

	@Test
	void theLastAdminCannotBeDemotedOrDisabled() {
		long boss = TestUsers.admin(this.jdbc, "only@example.org");
		this.jdbc.update("update app_user set role = 'analyst' where id <> ?", boss);
		WebSession admin = new WebSession(this.port).login("only@example.org", TestUsers.PASSWORD);
		admin.postForm("/admin/users/" + boss + "/role", Map.of("role", "analyst"));
		admin.postForm("/admin/users/" + boss + "/enabled", Map.of("enabled", "false"));
		assertThat(this.jdbc.queryForMap("select role, enabled from app_user where id = ?", boss))
			.containsEntry("role", "admin")
			.containsEntry("enabled", true);
		assertThat(admin.page("/admin/users")).contains("last admin");
	}

	@Test
	void anAdminEditMadeOnAnOutdatedPageIsRefusedWithAMessageNotAppliedOverTheOtherAdmins() {
		long analyst = TestUsers.analyst(this.jdbc, "contested@example.org");
		TestUsers.admin(this.jdbc, "first.admin@example.org");
		TestUsers.admin(this.jdbc, "second.admin@example.org");
		WebSession first = new WebSession(this.port).login("first.admin@example.org", TestUsers.PASSWORD);
		WebSession second = new WebSession(this.port).login("second.admin@example.org", TestUsers.PASSWORD);
		String seen = String.valueOf(version(analyst));
		// Both admins have the page open and see the account's version in its forms.
		assertThat(first.page("/admin/users")).contains("name=\"version\" value=\"" + seen + "\"");
		assertThat(second.page("/admin/users")).contains("name=\"version\" value=\"" + seen + "\"");
		first.postForm("/admin/users/" + analyst + "/role", Map.of("role", "admin", "version", seen));
		second.postForm("/admin/users/" + analyst + "/enabled", Map.of("enabled", "false", "version", seen));
		assertThat(this.jdbc.queryForMap("select role, enabled from app_user where id = ?", analyst))
			.containsEntry("role", "admin")
			.containsEntry("enabled", true);
		assertThat(second.page("/admin/users")).contains("The account contested@example.org was changed by someone"
				+ " else after this page was opened; reload the page to see the change and try again. Nothing was"
				+ " changed.");
	}

	@Test
	void settingsSavedFromAnOutdatedTabAreRefusedAndLoggingInDoesNotMakeATabOutdated() {
		long id = TestUsers.analyst(this.jdbc, "two.tabs@example.org");
		WebSession session = new WebSession(this.port).login("two.tabs@example.org", TestUsers.PASSWORD);
		String seen = String.valueOf(version(id));
		new WebSession(this.port).login("two.tabs@example.org", TestUsers.PASSWORD);
		Map<String, String> warsaw = Map.of("timeZone", "Europe/Warsaw", "language", "pl", "digestDay", "3",
				"digestHour", "9", "version", seen);
		assertThat(session.postForm("/settings", warsaw).statusCode()).isEqualTo(302);
		assertThat(zone(id)).isEqualTo("Europe/Warsaw");
		Map<String, String> lisbon = Map.of("timeZone", "Europe/Lisbon", "language", "en", "digestDay", "1",
				"digestHour", "7", "version", seen);
		session.postForm("/settings", lisbon);
		assertThat(zone(id)).isEqualTo("Europe/Warsaw");
		assertThat(session.page("/settings")).contains("was changed by someone else after this page was opened");
	}

	private long version(long id) {
		return this.jdbc.queryForObject("select version from app_user where id = ?", Long.class, id);
	}

	private String zone(long id) {
		return this.jdbc.queryForObject("select time_zone from app_user where id = ?", String.class, id);
	}

}
