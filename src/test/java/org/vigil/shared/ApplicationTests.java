package org.vigil.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The running web application, over real HTTP, on a real PostgreSQL. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void healthIsUpWithTheDatabase() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"");
	}

	@Test
	void infoShowsTheBuildJvmAndSystemToAdminsOnly() throws Exception {
		HttpResponse<String> anonymous = get("/actuator/info");
		assertThat(anonymous.statusCode()).isNotEqualTo(200);
		assertThat(anonymous.body()).doesNotContain("\"java\"").doesNotContain("\"os\"").doesNotContain("\"git\"");
		TestUsers.analyst(this.jdbc, "curious@example.org");
		assertThat(new WebSession(this.port).login("curious@example.org", TestUsers.PASSWORD)
			.get("/actuator/info", "application/json")
			.statusCode()).isEqualTo(403);
		TestUsers.admin(this.jdbc, "operator@example.org");
		HttpResponse<String> info = new WebSession(this.port).login("operator@example.org", TestUsers.PASSWORD)
			.get("/actuator/info", "application/json");
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(info.body()).contains("\"build\"").contains("\"version\"").contains("\"java\"");
	}

	@Test
	void prometheusExposesMetrics() throws Exception {
		HttpResponse<String> metrics = get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	@Test
	void homePageIsTheTimelineInTheLayoutWithBundledAssets() throws Exception {
		TestUsers.analyst(this.jdbc, "home@example.org");
		WebSession session = new WebSession(this.port).login("home@example.org", TestUsers.PASSWORD);
		HttpResponse<String> home = session.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("<header class=\"site-header\">")
			.contains("<h1>Timeline</h1>")
			.contains(">" + VigilVersion.current() + "<")
			.contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"")
			.doesNotContain("https://cdn")
			.doesNotContain("unpkg.com");
		assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
		assertThat(get("/css/vigil.css").statusCode()).isEqualTo(200);
	}

	@Test
	void pagesNeedALoginByDefault() throws Exception {
		HttpResponse<String> home = get("/", "text/html");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
		assertThat(get("/login", "text/html").body()).contains("Log in").contains("name=\"_csrf\"");
	}

	@Test
	void unknownPageGivesAFriendlyNotFound() throws Exception {
		TestUsers.analyst(this.jdbc, "lost@example.org");
		WebSession session = new WebSession(this.port).login("lost@example.org", TestUsers.PASSWORD);
		HttpResponse<String> missing = session.get("/no/such/page");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Page not found").doesNotContain("Whitelabel").doesNotContain("Exception");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(path, "*/*");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
