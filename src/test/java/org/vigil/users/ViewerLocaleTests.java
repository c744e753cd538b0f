package org.vigil.users;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language and time zone of each request over real HTTP: a visitor's from the
 * switch's cookie or the browser, a signed-in user's from their account on every request,
 * so a change made outside the session applies on its next page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ViewerLocaleTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void aVisitorGetsPolishWhenTheBrowserAsksForItAndEnglishOtherwise() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String polish = http
			.send(loginPage().header("Accept-Language", "pl-PL,pl;q=0.9,en;q=0.5").build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(polish).contains("<html lang=\"pl\"").contains("<h1>Logowanie</h1>").contains(">Oś czasu<");
		String german = http
			.send(loginPage().header("Accept-Language", "de-DE").build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(german).contains("<html lang=\"en\"").contains("<h1>Log in</h1>");
		assertThat(new WebSession(this.port).page("/login")).contains("<html lang=\"en\"").contains(">Timeline<");
	}

	@Test
	void theSwitchRemembersTheLanguageForTheBrowserAndReturnsOnlyToAPathOnThisSite() {
		WebSession visitor = new WebSession(this.port);
		HttpResponse<String> switched = visitor.get("/language?lang=pl&to=" + encode("/login?x=1"));
		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith("/login?x=1");
		assertThat(switched.headers().allValues("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("vigil-lang=pl"));
		String page = visitor.page("/login");
		assertThat(page).contains("<html lang=\"pl\"").contains("<h1>Logowanie</h1>");
		assertThat(page).containsPattern("lang=\"pl\"[^>]*aria-current=\"true\"");

		for (String elsewhere : new String[] { "//evil.example/", "https://evil.example/", "/\\evil.example" }) {
			HttpResponse<String> response = visitor.get("/language?lang=en&to=" + encode(elsewhere));
			assertThat(response.headers().firstValue("Location").orElseThrow()).as(elsewhere)
				.doesNotContain("evil")
				.endsWith("/");
		}
		assertThat(visitor.page("/login")).contains("<html lang=\"en\"");
	}

	@Test
	void aSignedInUsersLanguageAndZoneChangedElsewhereApplyOnTheNextRequestOfAnOpenSession() {
		long id = TestUsers.analyst(this.jdbc, "elsewhere@example.org");
		WebSession session = new WebSession(this.port).login("elsewhere@example.org", TestUsers.PASSWORD);
		assertThat(session.page("/settings")).contains("<html lang=\"en\"").contains("<h1>Settings</h1>");

		// As an admin, a command or the user's other session would: not through this
		// session.
		this.accounts.changeLanguage(id, Locale.forLanguageTag("pl"));
		String polish = session.page("/settings");
		assertThat(polish).contains("<html lang=\"pl\"").contains("<h1>Ustawienia</h1>").contains(">poniedziałek<");

		// The switch of a signed-in user is saved in the account.
		session.get("/language?lang=en&to=/settings");
		assertThat(this.jdbc.queryForObject("select locale from app_user where id = ?", String.class, id))
			.isEqualTo("en");
		assertThat(session.page("/settings")).contains("<h1>Settings</h1>");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder loginPage() {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
			.header("Accept", "text/html");
	}

}
