package org.vigil.users;

import java.net.http.HttpResponse;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First run in the browser: a Vigil with no admin prints a one-time setup link in its
 * start log; the link opens a form that creates the first admin and logs them in; then
 * the link is dead. Without the right token there is no setup page at all.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "vigil.site.base-url=https://first-run.example.org")
@Import(SetupLinkLog.class)
class FirstRunSetupTest {

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ListAppender<ILoggingEvent> startLog;

	@Test
	void theFirstAdminIsCreatedWithTheOneTimeLinkFromTheStartLogAndTheLinkThenDies() {
		String setup = setupPathFromTheStartLog();
		WebSession stranger = new WebSession(this.port);
		assertThat(stranger.page("/login")).contains("This Vigil has no administrator yet")
			.contains("/setup?token=")
			.contains("vigil user add");
		assertThat(stranger.get("/setup").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/setup?token=wrong").statusCode()).isEqualTo(404);
		assertThat(stranger.get(setup + "x").statusCode()).isEqualTo(404);
		assertThat(stranger
			.postForm("/setup", Map.of("token", "wrong", "email", "evil@example.org", "password",
					"a perfectly fine one", "confirmPassword", "a perfectly fine one"))
			.statusCode()).isEqualTo(404);

		WebSession owner = new WebSession(this.port);
		assertThat(owner.page(setup)).contains("Set up Vigil").contains("name=\"token\"");
		String token = setup.substring(setup.indexOf('=') + 1);
		owner.postForm("/setup", Map.of("token", token, "email", "owner@example.org", "password", "password123",
				"confirmPassword", "password123"));
		assertThat(owner.page(setup)).contains("one of the 10,000 most common ones")
			.contains("No account was created.");
		owner.postForm("/setup", Map.of("token", token, "email", "owner@example.org", "password", "owner@example.org",
				"confirmPassword", "owner@example.org"));
		assertThat(owner.page(setup)).contains("cannot be the e-mail address");
		assertThat(admins()).isZero();

		HttpResponse<String> created = owner.postForm("/setup", Map.of("token", token, "email", "Owner@Example.org",
				"password", "a long uncommon secret", "confirmPassword", "a long uncommon secret"));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElseThrow()).isEqualTo("/");
		assertThat(admins()).isEqualTo(1);
		// Logged in as the new admin, on an empty timeline that says what to do next.
		String home = owner.page("/");
		assertThat(home).contains("No items yet")
			.contains("first items usually appear within minutes")
			.contains("href=\"/admin/sources\"")
			.contains("vigil demo-data");
		assertThat(owner.get("/admin/users").statusCode()).isEqualTo(200);

		assertThat(owner.get(setup).statusCode()).isEqualTo(404);
		assertThat(new WebSession(this.port).get(setup).statusCode()).isEqualTo(404);
		assertThat(new WebSession(this.port)
			.postForm("/setup", Map.of("token", token, "email", "second@example.org", "password", "another long secret",
					"confirmPassword", "another long secret"))
			.statusCode()).isEqualTo(404);
		assertThat(admins()).isEqualTo(1);
		assertThat(new WebSession(this.port).page("/login")).doesNotContain("no administrator yet");
		new WebSession(this.port).login("owner@example.org", "a long uncommon secret");
	}

	/** The path of the link that the start log printed. */
	private String setupPathFromTheStartLog() {
		return SetupLinkLog.setupPath(this.startLog, "https://first-run.example.org");
	}

	private int admins() {
		return this.jdbc.queryForObject("select count(*) from app_user where role = 'admin'", Integer.class);
	}

}
