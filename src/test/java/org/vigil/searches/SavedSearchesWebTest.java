package org.vigil.searches;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved searches over real HTTP with real logins: saving from the timeline, the list with
 * new counts, opening, editing, deleting, the Atom feed and the CSV export, and that
 * nobody reaches another user's searches.
 */
// The same properties as the accounts' web tests (users/*WebTest, PasswordRulesTest,
// LoginThrottleRaceTest, MalformedRequestsTest), so one cached context serves them all.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "vigil.users.max-failures-per-account=3",
		"vigil.users.max-failures-per-address=6", "vigil.site.base-url=https://vigil.example.org" })
class SavedSearchesWebTest {

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private SearchFixture fixture() {
		return new SearchFixture(this.jdbc);
	}

	private WebSession login(String email) {
		return new WebSession(this.port).login(email, TestUsers.PASSWORD);
	}

	private String parameters(long id) {
		return this.jdbc.sql("select parameters from saved_search where id = ?").param(id).query(String.class).single();
	}

	private Instant lastSeen(long id) {
		return this.jdbc.sql("select last_seen_at from saved_search where id = ?")
			.param(id)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
	}

	@Test
	void anEditSavedFromAnOutdatedTabIsRefusedWithAMessageAndOpeningDoesNotOutdateIt() {
		fixture().entity("country", "FI", "Finland");
		long user = TestUsers.analyst(this.jdbc, "tabs@example.org");
		WebSession session = login("tabs@example.org");
		session.postForm("/searches", Map.of("name", "Finland", "country", "FI"));
		long id = this.jdbc.sql("select id from saved_search where user_id = ?").param(user).query(Long.class).single();
		String edit = session.page("/searches/" + id + "/edit");
		assertThat(edit).contains("name=\"version\" value=\"0\"");
		// Opening the search marks it seen; that is not an edit.
		session.get("/searches/" + id);
		Map<String, String> renamed = new LinkedHashMap<>(
				Map.of("name", "Finland (tab 1)", "country", "FI", "parameters", "country=FI", "version", "0"));
		assertThat(location(session.postForm("/searches/" + id, renamed))).endsWith("/searches");
		renamed.put("name", "Finland (tab 2)");
		HttpResponse<String> stale = session.postForm("/searches/" + id, renamed);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("\u201CFinland (tab 1)\u201D was changed elsewhere (another tab or device)"
				+ " after this page was opened; reload it to see the change and try again. Nothing was changed.");
		assertThat(this.jdbc.sql("select name from saved_search where id = ?").param(id).query(String.class).single())
			.isEqualTo("Finland (tab 1)");
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	@Test
	void savingFromTheTimelineStoresTheCanonicalFilterAndListsIt() {
		fixture().entity("country", "PL", "Poland");
		long user = TestUsers.analyst(this.jdbc, "saver@example.org");
		WebSession session = login("saver@example.org");
		assertThat(session.page("/?country=PL")).contains("Save this search").contains("action=\"/searches\"");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "  Poland, last month ");
		form.put("notes", "for the Warsaw desk");
		form.put("country", "poland");
		form.put("range", "30d");
		form.put("q", "tanks");
		form.put("before", "garbage-cursor");
		HttpResponse<String> saved = session.postForm("/searches", form);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(location(saved)).endsWith("/searches");
		Map<String, Object> row = this.jdbc.sql("select name, parameters, notes from saved_search where user_id = ?")
			.param(user)
			.query()
			.singleRow();
		assertThat(row).containsEntry("name", "Poland, last month")
			.containsEntry("parameters", "q=tanks&country=PL&range=30d")
			.containsEntry("notes", "for the Warsaw desk");
		String list = session.page("/searches");
		assertThat(list).contains("Saved \u201CPoland, last month\u201D.")
			.contains("Poland, last month")
			.contains("Poland \u00B7 \u201Ctanks\u201D \u00B7 last 30 days")
			.contains("for the Warsaw desk");
	}

	@Test
	void aDuplicateNameOrAnUnknownEntityIsAFriendlyMessageOnTheTimeline() {
		fixture().entity("country", "DE", "Germany");
		long user = TestUsers.analyst(this.jdbc, "dupe@example.org");
		WebSession session = login("dupe@example.org");
		assertThat(session.postForm("/searches", Map.of("name", "Germany", "country", "DE")).statusCode())
			.isEqualTo(302);
		HttpResponse<String> again = session.postForm("/searches", Map.of("name", "Germany", "country", "DE"));
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(location(again)).endsWith("/?country=DE");
		assertThat(session.page("/?country=DE"))
			.contains("You already have a saved search called \u201CGermany\u201D; choose another name.");
		HttpResponse<String> unknown = session.postForm("/searches", Map.of("name", "Atlantis", "country", "XX"));
		assertThat(location(unknown)).endsWith("/");
		assertThat(session.page("/")).contains("No country called \u201CXX\u201D is known");
		assertThat(this.jdbc.sql("select count(*) from saved_search where user_id = ?")
			.param(user)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theListCountsItemsNewSinceLastLookedAndOpeningMarksTheSearchSeen() {
		SearchFixture fixture = fixture();
		long source = fixture.source("mod-ro", "Romanian MoD");
		long romania = fixture.entity("country", "RO", "Romania");
		long other = fixture.entity("country", "HU", "Hungary");
		fixture.item(source, "Old Romanian news", this.now.minus(5, ChronoUnit.DAYS), romania);
		fixture.item(source, "Fresh Romanian news", this.now.minus(1, ChronoUnit.DAYS), romania);
		fixture.item(source, "Fresher Romanian news", this.now.minus(1, ChronoUnit.HOURS), romania);
		fixture.item(source, "Hungarian news", this.now.minus(1, ChronoUnit.HOURS), other);
		long user = TestUsers.analyst(this.jdbc, "counter@example.org");
		long id = fixture.savedSearch(user, "Romania", "country=RO", this.now.minus(2, ChronoUnit.DAYS));
		WebSession session = login("counter@example.org");
		assertThat(session.page("/searches")).contains("2 new");

		HttpResponse<String> open = session.get("/searches/" + id);
		assertThat(open.statusCode()).isEqualTo(302);
		assertThat(location(open)).endsWith("/?country=RO&unread=1");
		assertThat(lastSeen(id)).isAfter(this.now.minus(1, ChronoUnit.MINUTES));
		assertThat(session.page("/searches")).doesNotContain("2 new").contains("nothing new");
		assertThat(session.page("/?country=RO")).contains("Fresher Romanian news").doesNotContain("Hungarian news");
	}

	@Test
	void editRenamesChangesFiltersByFieldsOrQueryStringAndRefusesNonsense() {
		SearchFixture fixture = fixture();
		fixture.entity("country", "LT", "Lithuania");
		fixture.entity("programme", "test-leo", "Test Leopard");
		long user = TestUsers.analyst(this.jdbc, "editor@example.org");
		long id = fixture.savedSearch(user, "Baltics", "country=LT", this.now);
		fixture.savedSearch(user, "Taken", "", this.now);
		WebSession session = login("editor@example.org");
		String page = session.page("/searches/" + id + "/edit");
		assertThat(page).contains("value=\"Baltics\"").contains("value=\"LT\"").contains("value=\"country=LT\"");

		Map<String, String> byFields = new LinkedHashMap<>();
		byFields.put("name", "Baltic tanks");
		byFields.put("notes", "watch deliveries");
		byFields.put("parameters", "country=LT");
		byFields.put("q", "tanks");
		byFields.put("country", "LT, lithuania");
		byFields.put("programme", "Test Leopard");
		byFields.put("range", "7d");
		HttpResponse<String> saved = session.postForm("/searches/" + id, byFields);
		assertThat(location(saved)).endsWith("/searches");
		assertThat(parameters(id)).isEqualTo("q=tanks&country=LT&programme=test-leo&range=7d");
		assertThat(this.jdbc.sql("select name || '|' || notes from saved_search where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("Baltic tanks|watch deliveries");

		Map<String, String> byQuery = new LinkedHashMap<>(byFields);
		byQuery.put("parameters", "http://localhost/?programme=test-leo&from=2026-01-01&before=xyz");
		session.postForm("/searches/" + id, byQuery);
		assertThat(parameters(id)).isEqualTo("programme=test-leo&from=2026-01-01");

		Map<String, String> duplicate = new LinkedHashMap<>(byFields);
		duplicate.put("name", "Taken");
		duplicate.put("parameters", "programme=test-leo&from=2026-01-01");
		HttpResponse<String> refused = session.postForm("/searches/" + id, duplicate);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("You already have a saved search called \u201CTaken\u201D")
			.contains("Nothing was changed.");
		Map<String, String> unknown = new LinkedHashMap<>(byFields);
		unknown.put("parameters", "programme=test-leo&from=2026-01-01");
		unknown.put("person", "nobody-at-all");
		assertThat(session.postForm("/searches/" + id, unknown).body())
			.contains("No person called \u201Cnobody-at-all\u201D is known");
		assertThat(parameters(id)).isEqualTo("programme=test-leo&from=2026-01-01");
	}

	@Test
	void deleteRemovesTheSearch() {
		long user = TestUsers.analyst(this.jdbc, "deleter@example.org");
		long id = fixture().savedSearch(user, "Doomed", "", this.now);
		WebSession session = login("deleter@example.org");
		HttpResponse<String> deleted = session.postForm("/searches/" + id + "/delete", Map.of());
		assertThat(location(deleted)).endsWith("/searches");
		assertThat(session.page("/searches")).contains("Deleted \u201CDoomed\u201D.");
		assertThat(session.get("/searches/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void userBCannotReadEditDeleteOrFeedUserAsSearchesAndLearnsNothing() {
		long alice = TestUsers.analyst(this.jdbc, "alice@example.org");
		TestUsers.analyst(this.jdbc, "bob@example.org");
		long id = fixture().savedSearch(alice, "Alice's secret", "q=secret", this.now.minus(3, ChronoUnit.DAYS));
		WebSession owner = login("alice@example.org");
		owner.postForm("/searches/" + id + "/feed", Map.of());
		String token = feedToken(id);
		Instant seen = lastSeen(id);

		WebSession bob = login("bob@example.org");
		assertThat(bob.page("/searches")).doesNotContain("Alice's secret");
		long missing = id + 1000;
		for (long probe : new long[] { id, missing }) {
			assertThat(bob.get("/searches/" + probe).statusCode()).as("open").isEqualTo(404);
			assertThat(bob.get("/searches/" + probe + "/edit").statusCode()).as("edit").isEqualTo(404);
			assertThat(bob.get("/searches/" + probe + ".csv").statusCode()).as("csv").isEqualTo(404);
			assertThat(bob.postForm("/searches/" + probe, Map.of("name", "mine now", "parameters", "q=stolen"))
				.statusCode()).as("update").isEqualTo(404);
			assertThat(bob.postForm("/searches/" + probe + "/delete", Map.of()).statusCode()).as("delete")
				.isEqualTo(404);
			assertThat(bob.postForm("/searches/" + probe + "/feed", Map.of()).statusCode()).as("feed").isEqualTo(404);
			assertThat(bob.postForm("/searches/" + probe + "/feed/revoke", Map.of()).statusCode()).as("revoke")
				.isEqualTo(404);
		}
		assertThat(bob.get("/searches/not-a-number").statusCode()).isIn(400, 404);
		// The 404 for someone else's search is the same page as for no search at all.
		assertThat(withoutCsrf(bob.get("/searches/" + id).body()))
			.isEqualTo(withoutCsrf(bob.get("/searches/" + missing).body()));
		assertThat(this.jdbc.sql("select name || '|' || parameters from saved_search where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("Alice's secret|q=secret");
		assertThat(feedToken(id)).isEqualTo(token);
		assertThat(lastSeen(id)).isEqualTo(seen);
		// Alice's feed is readable by its token only, which Bob does not have.
		assertThat(new WebSession(this.port).get("/feeds/" + token + ".atom").statusCode()).isEqualTo(200);
		assertThat(owner.get("/searches/" + id + "/edit").statusCode()).isEqualTo(200);
	}

	@Test
	void anonymousVisitorsAreSentToLoginAndFormsWithoutCsrfAreRejected() {
		long user = TestUsers.analyst(this.jdbc, "csrf-searches@example.org");
		long id = fixture().savedSearch(user, "Guarded", "", this.now);
		WebSession anonymous = new WebSession(this.port);
		for (String path : List.of("/searches", "/searches/" + id, "/searches/" + id + "/edit",
				"/searches/" + id + ".csv")) {
			HttpResponse<String> response = anonymous.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(location(response)).as(path).endsWith("/login");
		}
		WebSession session = login("csrf-searches@example.org");
		for (String path : List.of("/searches", "/searches/" + id, "/searches/" + id + "/delete",
				"/searches/" + id + "/feed", "/searches/" + id + "/feed/revoke")) {
			assertThat(session.postFormWithoutToken(path, Map.of("name", "Forged", "parameters", "q=x")).statusCode())
				.as(path)
				.isEqualTo(403);
		}
		assertThat(this.jdbc.sql("select name || '|' || (feed_token is null) from saved_search where user_id = ?")
			.param(user)
			.query(String.class)
			.list()).containsExactly("Guarded|true");
	}

	@Test
	void theAtomFeedHasTheNewestMatchesWithAbsoluteLinksAndEndsWhenRevokedOrRenewed() throws Exception {
		SearchFixture fixture = fixture();
		long source = fixture.source("mod-ee", "Estonian MoD");
		long estonia = fixture.entity("country", "EE", "Estonia");
		for (int i = 0; i < 55; i++) {
			fixture.item(source, "Estonian item " + i, this.now.minus(60 - i, ChronoUnit.MINUTES), estonia);
		}
		fixture.item(source, "Unrelated", this.now, new long[0]);
		long user = TestUsers.analyst(this.jdbc, "feeder@example.org");
		long id = fixture.savedSearch(user, "Estonia watch", "country=EE", this.now);
		WebSession session = login("feeder@example.org");
		assertThat(session.page("/searches")).contains("Create feed").doesNotContain("/feeds/");
		session.postForm("/searches/" + id + "/feed", Map.of());
		String token = feedToken(id);
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		String feedUrl = "https://vigil.example.org/feeds/" + token + ".atom";
		assertThat(session.page("/searches")).contains(feedUrl).contains("New feed address").contains("Turn feed off");

		HttpResponse<String> response = new WebSession(this.port).get("/feeds/" + token + ".atom");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
		SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getTitle()).isEqualTo("Vigil: Estonia watch");
		assertThat(feed.getLinks()).anySatisfy((link) -> {
			assertThat(link.getRel()).isEqualTo("alternate");
			assertThat(link.getHref()).isEqualTo("https://vigil.example.org/?country=EE");
		});
		assertThat(feed.getLinks()).anySatisfy((link) -> {
			assertThat(link.getRel()).isEqualTo("self");
			assertThat(link.getHref()).isEqualTo(feedUrl);
		});
		assertThat(feed.getEntries()).hasSize(50);
		SyndEntry newest = feed.getEntries().get(0);
		assertThat(newest.getTitle()).isEqualTo("Estonian item 54");
		assertThat(newest.getLink()).matches("https://vigil\\.example\\.org/items/\\d+");
		assertThat(newest.getCategories()).extracting(SyndCategory::getName).containsExactly("Estonia");
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).doesNotContain("Unrelated", "Estonian item 4");

		session.postForm("/searches/" + id + "/feed", Map.of());
		String renewed = feedToken(id);
		assertThat(renewed).isNotEqualTo(token);
		assertThat(new WebSession(this.port).get("/feeds/" + token + ".atom").statusCode()).isEqualTo(404);
		assertThat(new WebSession(this.port).get("/feeds/" + renewed + ".atom").statusCode()).isEqualTo(200);
		session.postForm("/searches/" + id + "/feed/revoke", Map.of());
		assertThat(feedToken(id)).isNull();
		assertThat(new WebSession(this.port).get("/feeds/" + renewed + ".atom").statusCode()).isEqualTo(404);
		assertThat(new WebSession(this.port).get("/feeds/not-a-token.atom").statusCode()).isEqualTo(404);
	}

	@Test
	void theCsvExportQuotesProperlyAndDefusesFormulas() throws Exception {
		SearchFixture fixture = fixture();
		long source = fixture.source("csv-src", "=cmd|' /C calc'!A0");
		long latvia = fixture.entity("country", "LV", "Latvia");
		fixture.item(source, "=HYPERLINK(\"http://evil.example\",\"click\")", "https://example.org/a,b",
				this.now.minus(3, ChronoUnit.HOURS), latvia);
		fixture.item(source, "Riga says \"no\", again", "https://example.org/quote",
				this.now.minus(2, ChronoUnit.HOURS), latvia);
		fixture.item(source, "-2+3 and @SUM(A1)", "https://example.org/minus", this.now.minus(1, ChronoUnit.HOURS),
				latvia);
		long user = TestUsers.analyst(this.jdbc, "exporter@example.org");
		long id = fixture.savedSearch(user, "Latvia / Riga", "country=LV", this.now);
		WebSession session = login("exporter@example.org");
		HttpResponse<String> response = session.get("/searches/" + id + ".csv");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
			.contains("Latvia-Riga.csv");
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(response.body())).getRecords();
		assertThat(records.get(0).values()).containsExactly("published", "first_seen", "source", "type", "title", "url",
				"entities", "vigil_url");
		assertThat(records).hasSize(4);
		CSVRecord minus = records.get(1);
		assertThat(minus.get(4)).isEqualTo("'-2+3 and @SUM(A1)");
		assertThat(minus.get(2)).isEqualTo("'=cmd|' /C calc'!A0");
		assertThat(minus.get(6)).isEqualTo("Latvia");
		assertThat(minus.get(7)).matches("https://vigil\\.example\\.org/items/\\d+");
		assertThat(records.get(2).get(4)).isEqualTo("Riga says \"no\", again");
		assertThat(records.get(3).get(4)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
		assertThat(records.get(3).get(5)).isEqualTo("https://example.org/a,b");
		assertThat(response.body()).contains("\"Riga says \"\"no\"\", again\"");
	}

	/** CSRF tokens are masked anew on every page; the rest must be equal. */
	private static String withoutCsrf(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

	private String feedToken(long id) {
		return this.jdbc.sql("select feed_token from saved_search where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
