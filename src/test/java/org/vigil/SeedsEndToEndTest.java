package org.vigil;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.CommandRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The two real seed documents, end to end: {@code import} stores them without their site
 * boilerplate and has them tagged before it returns, and the timeline and item pages show
 * the links.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "vigil.users.public-timeline=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedsEndToEndTest {

	private static final Path SEEDS = Path.of("..", "shared", "seeds");

	private static final String NATO = "nato-rutte-bemowo-piskie.txt";

	private static final String DEFENCE24 = "defence24-pl-ro-video-conference.txt";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.datasource.url}")
	String databaseUrl;

	@Value("${local.server.port}")
	int port;

	@BeforeAll
	void importTheSeeds() throws Exception {
		assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is not here");
		importSeed(NATO, "2025-12-19");
		importSeed(DEFENCE24, "2026-01-26");
		// import returns once its listeners have tagged what it stored.
		assertThat(taggedItems()).as("both seeds tagged").isEqualTo(2);
	}

	@Test
	void theTimelineShowsBothSeedsWithTheirEntitiesAsChips() throws Exception {
		String timeline = get("/");
		assertThat(timeline).contains("Bemowo Piskie", "Kosiniak-Kamysz")
			.contains("href=\"/entities/country/PL\"")
			.contains("href=\"/entities/person/" + key("Mark Rutte") + "\"")
			.contains("href=\"/entities/person/" + key("Władysław Kosiniak-Kamysz") + "\"")
			.contains("<option value=\"press-release\">Press release</option>");
	}

	@Test
	void theNatoItemHighlightsItsMentionsAndCarriesNoAccountBoilerplate() throws Exception {
		String page = get("/items/" + itemId(NATO));
		assertThat(page).contains("class=\"mention\"")
			.contains("href=\"/entities/person/" + key("Mark Rutte") + "\"")
			.contains("href=\"/entities/programme/" + key("Eastern Sentry") + "\"")
			.contains("(As delivered)")
			.doesNotContain("NATO MULTIMEDIA ACCOUNT", "Verification code", "Reset password", "Create a new password",
					"log in with your new password");
	}

	@Test
	void theDefence24ItemLinksTheMisspelledMinisterAndDropsTheImageLinks() throws Exception {
		String page = get("/items/" + itemId(DEFENCE24));
		assertThat(page).contains("href=\"/entities/person/" + key("Władysław Kosiniak-Kamysz") + "\"")
			.contains("href=\"/entities/organisation/" + key("Bumar-Łabędy") + "\"")
			.doesNotContain("![Tajna broń Trumpa", "![Wojsko irańskie");
	}

	private void importSeed(String file, String date) {
		CommandRun run = CommandRun.of(
				Map.of("spring.datasource.url", this.databaseUrl, "spring.datasource.username", "postgres"), "import",
				"--date", date, SEEDS.resolve(file).toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
	}

	private int taggedItems() {
		return this.jdbc.queryForObject("select count(distinct item_id) from item_entity", Integer.class);
	}

	private long itemId(String file) {
		return this.jdbc.queryForObject("select id from item where canonical_key like ? or url like ?", Long.class,
				"%" + file, "%" + file);
	}

	private String key(String name) {
		return this.jdbc.queryForObject("select key from entity where name = ?", String.class, name);
	}

	private String get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
