package org.vigil;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import org.vigil.support.CommandRun;
import org.vigil.support.CommandSession;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The first hour with Vigil, across features: files imported on the command line show on
 * the timeline with their own title, date and badge; a file without a date waits, with a
 * warning, until an admin sets one (command or item page); importing again updates.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "vigil.timeline.facet-cache-ttl=1ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstHourTest {

	static final Path FILES = Path.of("src/test/resources/import");

	static final Path SEEDS = Path.of("../shared/seeds");

	@Autowired
	JdbcTemplate jdbc;

	@Value("${local.server.port}")
	int port;

	@Value("${spring.datasource.url}")
	String url;

	Map<String, String> database;

	/** The test's commands, on one command context beside the running application. */
	CommandSession vigil;

	WebSession admin;

	WebSession analyst;

	@BeforeAll
	void users() {
		this.database = Map.of("spring.datasource.url", this.url, "spring.datasource.username", "postgres");
		this.vigil = CommandSession.with(this.database);
		TestUsers.admin(this.jdbc, "admin@example.org");
		TestUsers.analyst(this.jdbc, "analyst@example.org");
		this.admin = new WebSession(this.port).login("admin@example.org", TestUsers.PASSWORD);
		this.analyst = new WebSession(this.port).login("analyst@example.org", TestUsers.PASSWORD);
	}

	@AfterAll
	void closeCommandContext() {
		this.vigil.close();
	}

	@Test
	void anImportedDatedFileShowsOnTheTimelineWithItsTitleDateLanguageAndTheImportedBadge() {
		CommandRun run = importing(FILES.resolve("dated-statement.txt").toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.err()).isEmpty();
		long id = itemId(run);
		Map<String, Object> item = this.jdbc.queryForMap("select i.title, i.published_at::date::text as day, "
				+ "i.published_precision, i.language, s.key from item i join source s on s.id = i.source_id where i.id = ?",
				id);
		assertThat(item).containsEntry("title", "Minister visits Allied troops in Lithuania")
			.containsEntry("day", "2026-07-07")
			.containsEntry("published_precision", "date")
			.containsEntry("language", "en")
			.containsEntry("key", "manual");
		String timeline = this.admin.page("/?source=manual");
		assertThat(card(timeline, "Minister visits Allied troops in Lithuania")).contains(">Imported<")
			.doesNotContain(">Official<");

		// What it is, when the operator knows: Defence24's news is Media.
		CommandRun again = importing("--source", "defence24", "--type", "news",
				FILES.resolve("dated-statement.txt").toString());
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(itemId(again)).isEqualTo(id);
		assertThat(this.jdbc.queryForObject("select count(*) from item where title like 'Minister visits%'",
				Integer.class))
			.isEqualTo(1);
		assertThat(card(this.admin.page("/?source=defence24"), "Minister visits Allied troops in Lithuania"))
			.contains(">Media<")
			.contains("News");
	}

	@Test
	void anUndatedFileWarnsWaitsOffTheTimelineAndAReimportWithADateOrUrlUpdatesTheSameItem() {
		CommandRun run = importing(FILES.resolve("undated-notes.txt").toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.err()).contains("has no publication date").contains("not on the timeline").contains("set-date");
		long id = itemId(run);
		String title = "Umowa na dostawę czołgów K2PL podpisana w Warszawie";
		assertThat(this.jdbc.queryForMap("select title, language, published_at from item where id = ?", id))
			.containsEntry("title", title)
			.containsEntry("language", "pl")
			.containsEntry("published_at", null);
		assertThat(this.admin.page("/?source=manual")).doesNotContain(title);

		CommandRun dated = importing("--date", "2026-07-01", "--url",
				"https://www.gov.pl/web/obrona-narodowa/umowa-k2pl", FILES.resolve("undated-notes.txt").toString());
		assertThat(dated.exitCode()).as(dated.err()).isZero();
		assertThat(dated.err()).isEmpty();
		assertThat(itemId(dated)).isEqualTo(id);
		assertThat(this.jdbc.queryForObject("select count(*) from item where title = ?", Integer.class, title))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select published_at::date::text from item where id = ?", String.class, id))
			.isEqualTo("2026-07-01");
		assertThat(this.admin.page("/?source=manual")).contains(title);
		CommandRun byUrl = importing("--url", "https://www.gov.pl/web/obrona-narodowa/umowa-k2pl",
				FILES.resolve("undated-notes.txt").toString());
		assertThat(itemId(byUrl)).isEqualTo(id);
	}

	@Test
	void anAdminSetsTheDateWithTheCommandOrTheFormOnTheItemPage() {
		CommandRun run = importing(FILES.resolve("undated-speech.txt").toString());
		long id = itemId(run);
		String title = this.jdbc.queryForObject("select title from item where id = ?", String.class, id);
		assertThat(title).isEqualTo("Thank you for joining this meeting of defence ministers on air defence and the "
				+ "support for Ukraine.");

		CommandRun wrong = this.vigil.run("item", "set-date", String.valueOf(id), "2026-13-01");
		assertThat(wrong.exitCode()).isEqualTo(2);
		assertThat(wrong.err()).contains("is not a date");
		CommandRun nothing = this.vigil.run("item", "set-date", "987654", "2026-01-01");
		assertThat(nothing.exitCode()).isEqualTo(2);
		assertThat(nothing.err()).contains("there is no item 987654");
		CommandRun set = this.vigil.run("item", "set-date", String.valueOf(id), "2026-06-30");
		assertThat(set.exitCode()).as(set.err()).isZero();
		assertThat(this.admin.page("/?source=manual")).contains(title);

		assertThat(this.admin.page("/items/" + id)).contains("Set date");
		assertThat(this.analyst.page("/items/" + id)).doesNotContain("Set date");
		assertThat(
				this.analyst.postForm("/admin/items/" + id + "/published", Map.of("date", "2026-05-05")).statusCode())
			.isEqualTo(403);
		assertThat(this.admin.postFormWithoutToken("/admin/items/" + id + "/published", Map.of("date", "2026-05-05"))
			.statusCode()).isEqualTo(403);
		HttpResponse<String> posted = this.admin.postForm("/admin/items/" + id + "/published",
				Map.of("date", "2026-05-05"));
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/items/" + id);
		assertThat(this.jdbc.queryForObject(
				"select published_at::date::text || ' ' || published_precision " + "from item where id = ?",
				String.class, id))
			.isEqualTo("2026-05-05 date");
		assertThat(this.admin.page("/items/" + id)).contains("Publication date set to 2026-05-05.");
	}

	@Test
	void theDefence24SeedIsImportedWithItsOwnTitleAndTheImportedBadge() {
		assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is not here");
		CommandRun run = importing(SEEDS.resolve("defence24-pl-ro-video-conference.txt").toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.err()).contains("has no publication date");
		long id = itemId(run);
		String title = this.jdbc.queryForObject("select title from item where id = ?", String.class, id);
		assertThat(title).startsWith("Security in the region, support for Ukraine").doesNotContain("defence24");
		assertThat(title.length()).isLessThanOrEqualTo(151);
		this.jdbc.update("update item set published_at = now() where id = ?", id);
		assertThat(this.admin.page("/items/" + id)).contains(">Imported<").doesNotContain(">Official<");
	}

	private CommandRun importing(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "import";
		System.arraycopy(args, 0, all, 1, args.length);
		return this.vigil.run(all);
	}

	private static long itemId(CommandRun run) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("item (\\d+) ").matcher(run.out());
		assertThat(matcher.find()).as(run.out() + run.err()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/** The timeline card that shows this title. */
	private static String card(String page, String title) {
		int at = page.indexOf(title);
		assertThat(at).as("card of " + title).isPositive();
		int start = page.lastIndexOf("<article", at);
		return page.substring(start, page.indexOf("</article>", at));
	}

}
