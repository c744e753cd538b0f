package org.vigil.timeline;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read marks and stars over real HTTP, as plain forms (reader.js posts the same forms):
 * each user sees only their own marks, "unread only" hides what the user read, "mark all
 * above as read" marks exactly the page's filter at and above the item, opening an item
 * reads it, and a card shows at most six chips. Its sources have keys of their own: the
 * browser tests share this context and its database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "vigil.timeline.page-size=30", "vigil.timeline.facet-cache-ttl=0s" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingTests {

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	/** Newest first: items.get(0) is the top of the timeline. */
	final List<Long> nato = new ArrayList<>();

	final List<Long> media = new ArrayList<>();

	long crowded;

	long bob;

	@BeforeAll
	void insertItems() {
		TimelineFixture fixture = new TimelineFixture(this.jdbc);
		long natoSource = fixture.source("reading-nato", "NATO", true);
		long mediaSource = fixture.source("reading-media", "Defence24", false);
		for (int i = 0; i < 6; i++) {
			// NATO and media items alternate, NATO's newer: hours 1, 3, 5... and 2, 4,
			// 6...
			this.nato.add(fixture.item(natoSource, "NATO statement " + i)
				.body("A statement of the alliance, number " + i + ".")
				.published(this.now.minus(1 + 2 * i, ChronoUnit.HOURS))
				.insert());
			this.media.add(fixture.item(mediaSource, "Media report " + i)
				.body("A report of the press, number " + i + ".")
				.published(this.now.minus(2 + 2 * i, ChronoUnit.HOURS))
				.insert());
		}
		this.crowded = fixture.item(natoSource, "Summit names twenty countries")
			.body("Twenty countries.")
			.published(this.now.minus(30, ChronoUnit.HOURS))
			.insert();
		for (int i = 0; i < 20; i++) {
			long country = fixture.entity("country", "C" + (char) ('A' + i), "Country " + i);
			fixture.tag(this.crowded, country);
			if (i == 7) {
				// The most mentioned comes first whatever its name.
				fixture.tag(this.crowded, country);
				fixture.tag(this.crowded, country);
			}
		}
		TestUsers.analyst(this.jdbc, "alice@example.org");
		this.bob = TestUsers.analyst(this.jdbc, "bob@example.org");
	}

	WebSession as(String email) {
		return new WebSession(this.port).login(email, TestUsers.PASSWORD);
	}

	@Test
	void anotherUsersMarksAndNotesAreNeverVisible() {
		WebSession alice = as("alice@example.org");
		long starred = this.nato.get(1);
		long read = this.media.get(1);
		assertThat(alice.postForm("/items/" + starred + "/star", Map.of("back", "/")).statusCode()).isEqualTo(302);
		alice.postForm("/items/" + starred + "/note", Map.of("note", "Alice's private note"));
		alice.postForm("/items/" + read + "/read", Map.of());
		Document aliceTimeline = Jsoup.parse(alice.page("/"));
		assertThat(card(aliceTimeline, starred).attr("data-starred")).isEqualTo("true");
		assertThat(card(aliceTimeline, read).attr("data-read")).isEqualTo("true");
		assertThat(alice.page("/starred")).contains("Alice&#39;s private note", "NATO statement 1");

		WebSession bob = as("bob@example.org");
		Document bobTimeline = Jsoup.parse(bob.page("/"));
		assertThat(card(bobTimeline, starred).attr("data-starred")).isEqualTo("false");
		assertThat(card(bobTimeline, read).attr("data-read")).isEqualTo("false");
		String bobStarred = bob.page("/starred");
		assertThat(bobStarred).doesNotContain("Alice").doesNotContain("NATO statement 1");
		assertThat(ids(Jsoup.parse(bob.page("/?unread=1")))).contains(read);
		assertThat(ids(Jsoup.parse(alice.page("/?unread=1")))).doesNotContain(read).contains(starred);

		// Bob unstarring or un-reading Alice's items changes nothing of hers.
		bob.postForm("/items/" + starred + "/star", Map.of("starred", "false"));
		bob.postForm("/items/" + read + "/read", Map.of("read", "false"));
		Document again = Jsoup.parse(alice.page("/"));
		assertThat(card(again, starred).attr("data-starred")).isEqualTo("true");
		assertThat(card(again, read).attr("data-read")).isEqualTo("true");
	}

	@Test
	void markAllAboveMarksThePagesFilterAtAndAboveTheItem() {
		WebSession carol = as(newAnalyst("carol@example.org"));
		HttpResponse<String> response = carol.postForm("/read/above",
				Map.of("through", Long.toString(this.nato.get(3)), "back", "/?source=reading-nato&unread=1"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/?source=reading-nato&unread=1");
		Document timeline = Jsoup.parse(carol.page("/"));
		for (int i = 0; i < 6; i++) {
			assertThat(card(timeline, this.nato.get(i)).attr("data-read")).as("NATO " + i)
				.isEqualTo((i <= 3) ? "true" : "false");
			assertThat(card(timeline, this.media.get(i)).attr("data-read")).as("media " + i).isEqualTo("false");
		}
		assertThat(ids(Jsoup.parse(carol.page("/?source=reading-nato&unread=1")))).containsExactly(this.nato.get(4),
				this.nato.get(5), this.crowded);
		// Once more marks nothing new and is harmless.
		carol.postForm("/read/above",
				Map.of("through", Long.toString(this.nato.get(3)), "back", "/?source=reading-nato"));
		assertThat(readCount("carol@example.org")).isEqualTo(4);
	}

	@Test
	void openingAnItemReadsItAndDeletingTheAccountDeletesItsMarks() {
		WebSession dave = as(newAnalyst("dave@example.org"));
		long item = this.media.get(4);
		assertThat(card(Jsoup.parse(dave.page("/")), item).attr("data-read")).isEqualTo("false");
		dave.page("/items/" + item);
		assertThat(card(Jsoup.parse(dave.page("/")), item).attr("data-read")).isEqualTo("true");
		dave.postForm("/items/" + item + "/star", Map.of());
		assertThat(readCount("dave@example.org")).isEqualTo(1);
		this.jdbc.sql("delete from app_user where email = 'dave@example.org'").update();
		assertThat(this.jdbc.sql("select count(*) from item_star where item_id = :item")
			.param("item", item)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from item_read where item_id = :item")
			.param("item", item)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void marksOfAMissingItemAnswerNotFoundAndVisitorsCannotMark() {
		WebSession erin = as(newAnalyst("erin@example.org"));
		assertThat(erin.postForm("/items/999999/read", Map.of()).statusCode()).isEqualTo(404);
		assertThat(erin.postForm("/items/999999/star", Map.of()).statusCode()).isEqualTo(404);
		WebSession visitor = new WebSession(this.port);
		int status = visitor.postForm("/items/" + this.nato.get(0) + "/star", Map.of()).statusCode();
		assertThat(status).isIn(302, 401, 403);
		assertThat(this.jdbc.sql("select count(*) from item_star where item_id = :item")
			.param("item", this.nato.get(0))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aReturnAddressNeverLeavesTheSite() {
		assertThat(ReadingController.local("https://evil.example/x", "/")).isEqualTo("/");
		assertThat(ReadingController.local("//evil.example/x", "/")).isEqualTo("/");
		assertThat(ReadingController.local("/?q=a%20b&unread=1", "/")).isEqualTo("/?q=a%20b&unread=1");
		assertThat(ReadingController.local("javascript:alert(1)", "/")).isEqualTo("/");
	}

	@Test
	void aCardShowsSixChipsByMentionsAndFoldsTheRest() {
		WebSession alice = as("alice@example.org");
		Element card = card(Jsoup.parse(alice.page("/")), this.crowded);
		List<Element> chips = card.select("[data-entity]");
		assertThat(chips).hasSize(20);
		List<Element> shown = card.selectFirst("ul.chips").select("> li > a[data-entity]");
		assertThat(shown).hasSize(6);
		assertThat(shown.get(0).attr("data-entity")).isEqualTo("country:CH");
		assertThat(card.select("details summary").text()).isEqualTo("+14 more");
		assertThat(card.select("details [data-entity]")).hasSize(14);
	}

	@Test
	void aSavedSearchOpensUnreadOnly() {
		WebSession alice = as("alice@example.org");
		alice.postForm("/searches", Map.of("name", "NATO", "source", "reading-nato"));
		long id = this.jdbc.sql("select id from saved_search where name = 'NATO'").query(Long.class).single();
		HttpResponse<String> open = alice.get("/searches/" + id);
		assertThat(open.headers().firstValue("Location").orElse("")).endsWith("/?source=reading-nato&unread=1");
	}

	private String newAnalyst(String email) {
		TestUsers.analyst(this.jdbc, email);
		return email;
	}

	private long readCount(String email) {
		return this.jdbc
			.sql("select count(*) from item_read r join app_user u on u.id = r.user_id where u.email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private static Element card(Document page, long id) {
		Element card = page.selectFirst("article[data-item-id=" + id + "]");
		assertThat(card).as("card of item " + id).isNotNull();
		return card;
	}

	private static List<Long> ids(Document page) {
		return page.select("article[data-item-id]")
			.stream()
			.map((a) -> Long.parseLong(a.attr("data-item-id")))
			.toList();
	}

}
