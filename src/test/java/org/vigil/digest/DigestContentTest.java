package org.vigil.digest;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.support.PlaywrightChromium;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a digest says, as an analyst opens it: distinct items in the subject, a snippet,
 * source, date and at most five entities per item, only items first seen in the week, the
 * preview page identical to the mail, a readable plain-text part, and the recipient's
 * language. Against a real SMTP server (GreenMail) and a clock the tests set.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "vigil.site.base-url=https://vigil.example.org" })
class DigestContentTest {

	/** Monday 3 August 2026, 07:00 in Warsaw. */
	static final Instant MONDAY_7_WARSAW = DigestTest.MONDAY_7_WARSAW;

	static final int SMTP_PORT = DigestFixture.freePort();

	static GreenMail smtp = DigestFixture.smtpServer(SMTP_PORT);

	static final DigestTest.MutableClock clock = new DigestTest.MutableClock(MONDAY_7_WARSAW);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@TestConfiguration
	static class TestClock {

		@Bean
		@Primary
		Clock testClock() {
			return clock;
		}

	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DigestService digests;

	DigestFixture fixture;

	long source;

	long poland;

	long drones;

	@BeforeEach
	void clean() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		this.fixture = new DigestFixture(this.jdbc);
		this.fixture.clear();
		clock.set(MONDAY_7_WARSAW);
		this.source = this.fixture.source("mon-pl", "Ministry of National Defence");
		this.poland = this.fixture.entity("country", "PL", "Poland");
		this.drones = this.fixture.entity("programme", "drone-wall", "Drone Wall");
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void theSubjectCountsAnItemMatchingTwoSearchesOnce() throws Exception {
		long anna = this.fixture.user("anna@example.org", "Europe/Warsaw", "en", 1, 7);
		this.fixture.search(anna, "Poland", "country=PL");
		this.fixture.search(anna, "Drone wall", "programme=drone-wall");
		// eleven items in both searches (more than the ten listed per search), one only
		// in the second
		for (int i = 0; i < 11; i++) {
			this.fixture.item(this.source, "Drone wall and Poland #%02d".formatted(i),
					Instant.parse("2026-07-28T10:00:00Z").plus(Duration.ofHours(i)), this.poland, this.drones);
		}
		this.fixture.item(this.source, "Drone wall tender", Instant.parse("2026-07-30T10:00:00Z"), this.drones);
		this.digests.run("schedule", null);
		MimeMessage message = single();
		assertThat(message.getSubject()).startsWith("Vigil weekly digest: 12 new items (");
		String text = DigestTest.part(message, "text/plain");
		assertThat(text).contains("Vigil saw 12 new items")
			.contains("- Poland: 11 new")
			.contains("- Drone wall: 12 new");
	}

	@Test
	void eachItemHasOneSentenceItsSourceDateAndAtMostFiveEntitiesTheSearchedOnesFirst() throws Exception {
		long anna = this.fixture.user("anna@example.org", "Europe/Warsaw", "en", 1, 7);
		this.fixture.search(anna, "Drone wall", "programme=drone-wall");
		this.fixture.search(anna, "Deliveries", "q=deliveries");
		long item = this.fixture.item(this.source, "Drone Wall contract signed", Instant.parse("2026-07-31T08:30:00Z"));
		this.fixture.body(item, """
				WARSAW. Drone Wall contract signed. The Ministry signed a contract worth 3 billion zloty \
				for the eastern drone wall on Friday, after two years of talks with the consortium. \
				Deliveries of the first sensors start in 2027. The rest follows by 2029.""");
		this.fixture.names(item, this.poland, 9, false);
		this.fixture.names(item, this.drones, 1, false);
		String[] others = { "Lithuania", "Latvia", "Estonia", "Finland", "Germany", "Ukraine" };
		for (int i = 0; i < others.length; i++) {
			long entity = this.fixture.entity("country", others[i].substring(0, 2).toUpperCase(), others[i]);
			// Estonia is in the title: most salient of the rest; then by mentions
			this.fixture.names(item, entity, 2 + i, others[i].equals("Estonia"));
		}
		this.digests.run("schedule", null);
		MimeMessage message = single();
		String text = DigestTest.part(message, "text/plain").replace("\r\n", "\n");
		String html = DigestTest.part(message, "text/html");
		// the first sentence that is neither a dateline nor the title again
		String first = "The Ministry signed a contract worth 3 billion zloty for the eastern drone wall on Friday, "
				+ "after two years of talks with the consortium.";
		assertThat(html).contains(first).contains("Deliveries of the first sensors start in 2027.");
		// the searched-for entity first, then Estonia (in the title), then by mentions
		String droneWall = text.substring(text.indexOf("Drone wall\n----------"));
		assertThat(droneWall).contains("   *Drone Wall* \u00B7 Estonia \u00B7 Poland \u00B7 Ukraine \u00B7 Germany\n")
			.doesNotContain("Finland")
			.doesNotContain("Latvia")
			// in the recipient's zone: 10:30 in Warsaw for 08:30 UTC
			.contains("Ministry of National Defence \u00B7 Jul 31, 2026, 10:30");
		// eight entities named, five links in each of the two sections' item
		assertThat(Arrays.stream(html.split("class=\"entities\""))
			.skip(1)
			.map((part) -> part.substring(0, part.indexOf("</td>")).split("<a ").length - 1)
			.toList()).containsExactly(5, 5);
		// the search with words shows the sentence that holds them
		String deliveries = text.substring(text.indexOf("Deliveries\n----------"), text.indexOf("Drone wall\n-----"));
		assertThat(deliveries).contains("Deliveries of the first sensors start in 2027.")
			.doesNotContain("3 billion zloty");
	}

	@Test
	void onlyItemsFirstSeenInTheWeekNotUpdatedOldOnesEvenIfPublishedLongAgo() throws Exception {
		long anna = this.fixture.user("anna@example.org", "Europe/Warsaw", "en", 1, 7);
		this.fixture.search(anna, "Poland", "country=PL");
		long old = this.fixture.item(this.source, "Old statement, revised this week",
				Instant.parse("2026-07-01T10:00:00Z"), this.poland);
		// a new version this week: updated and published again, but not new to Vigil
		this.jdbc.sql("""
				update item set title = 'Old statement, revised this week (v2)', version = 2,
				  updated_at = timestamptz '2026-07-30 10:00Z', published_at = timestamptz '2026-07-30 10:00Z'
				where id = :id
				""").param("id", old).update();
		this.jdbc.sql("update item_entity set published_at = timestamptz '2026-07-30 10:00Z' where item_id = :id")
			.param("id", old)
			.update();
		long archive = this.fixture.item(this.source, "Archive page from 2019 found this week",
				Instant.parse("2026-07-29T09:00:00Z"), this.poland);
		this.jdbc.sql("update item set published_at = timestamptz '2019-05-02 12:00Z' where id = :id")
			.param("id", archive)
			.update();
		this.jdbc.sql("update item_entity set published_at = timestamptz '2019-05-02 12:00Z' where item_id = :id")
			.param("id", archive)
			.update();
		this.digests.run("schedule", null);
		MimeMessage message = single();
		assertThat(message.getSubject()).startsWith("Vigil weekly digest: 1 new item (");
		String text = DigestTest.part(message, "text/plain");
		assertThat(text).contains("Archive page from 2019 found this week")
			.contains("May 2, 2019")
			.doesNotContain("Old statement");
	}

	@Test
	void thePreviewPageIsTheMailAndShowsOnlyTheSignedInUsersSearches() throws Exception {
		long anna = this.fixture.user("anna@example.org", "Europe/Warsaw", "en", 1, 7);
		this.fixture.search(anna, "Poland", "country=PL");
		long bob = this.fixture.user("bob@example.org", "UTC", "en", 1, 7);
		this.fixture.search(bob, "Drone wall", "programme=drone-wall");
		this.fixture.item(this.source, "Statement on Poland", Instant.parse("2026-07-30T12:00:00Z"), this.poland);
		this.fixture.item(this.source, "Drone wall tender", Instant.parse("2026-07-30T12:00:00Z"), this.drones);

		// not signed in: the login page, not someone's digest
		HttpResponse<String> anonymous = new WebSession(this.port).get("/digest/preview");
		assertThat(anonymous.statusCode()).isEqualTo(302);

		// Wednesday: the week so far
		clock.set(Instant.parse("2026-07-29T12:00:00Z"));
		WebSession session = new WebSession(this.port).login("anna@example.org", TestUsers.PASSWORD);
		assertThat(session.page("/digest/preview")).contains("Nothing new in your saved searches this week.");

		// at the digest's hour the preview is the mail that goes out, byte for byte
		clock.set(MONDAY_7_WARSAW);
		HttpResponse<String> preview = session.get("/digest/preview");
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(preview.body()).contains("Statement on Poland").doesNotContain("Drone wall tender");
		this.digests.run("schedule", null);
		MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals("anna@example.org");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow();
		assertThat(lines(DigestTest.part(mail, "text/html"))).isEqualTo(lines(preview.body()));
	}

	/**
	 * The preview as a reader sees it in a browser, saved as the README's screenshot
	 * ({@code docs/screenshots/digest.png}): two searches, four items of the week.
	 */
	@Test
	void thePreviewRendersInABrowser() throws Exception {
		PlaywrightChromium.assumeInstalled();
		long anna = this.fixture.user("anna@example.org", "Europe/Warsaw", "en", 1, 7);
		this.fixture.search(anna, "Poland", "country=PL");
		this.fixture.search(anna, "Drone wall", "programme=drone-wall");
		long nato = this.fixture.source("nato", "NATO");
		long wall = this.fixture.item(this.source, "Drone Wall: first segment on the eastern border handed over",
				Instant.parse("2026-07-28T09:15:00Z"), this.poland, this.drones);
		this.fixture.body(wall,
				"WARSAW. The Minister of National Defence handed over the first segment of the "
						+ "Drone Wall along the eastern border to the Territorial Defence Forces on Tuesday. "
						+ "Further segments follow in autumn.");
		long talks = this.fixture.item(nato, "Secretary General meets the President of Poland",
				Instant.parse("2026-07-29T14:00:00Z"), this.poland);
		this.fixture.body(talks, "NATO Secretary General Mark Rutte met the President of Poland in Brussels to "
				+ "discuss air defence on the eastern flank and the Eastern Sentry activity.");
		long tender = this.fixture.item(this.source, "Tender for counter-drone sensors opened",
				Instant.parse("2026-07-30T10:30:00Z"), this.drones);
		this.fixture.body(tender, "The Armament Agency opened a tender for passive sensors for the Drone Wall, "
				+ "with offers due in September.");
		long exercise = this.fixture.item(nato, "Allied air policing over Poland reinforced",
				Instant.parse("2026-07-31T16:45:00Z"), this.poland);
		this.fixture.body(exercise, "Allied fighter jets reinforced air policing over Poland after repeated "
				+ "airspace violations by drones.");
		WebSession session = new WebSession(this.port).login("anna@example.org", TestUsers.PASSWORD);
		String html = session.page("/digest/preview");
		try (PlaywrightChromium browser = PlaywrightChromium.start(this.port)) {
			Page page = browser.page(PlaywrightChromium.DESKTOP);
			page.setContent(html);
			assertThat(page.textContent("body")).contains("Drone Wall: first segment on the eastern border")
				.contains("Allied air policing over Poland reinforced")
				.contains("Tender for counter-drone sensors opened");
			Path shot = Path.of("docs", "screenshots", "digest.png");
			page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
			assertThat(Files.size(shot)).isPositive();
		}
	}

	@Test
	void thePlainTextPartIsReadableWrappedAndFreeOfHtml() throws Exception {
		long anna = this.fixture.user("anna@example.org", "Europe/Warsaw", "en", 1, 7);
		this.fixture.search(anna, "Poland", "country=PL");
		long item = this.fixture.item(this.source,
				"Poland & the Baltic states agree on a common air defence plan for the eastern flank of NATO <draft>",
				Instant.parse("2026-07-30T12:00:00Z"), this.poland);
		this.fixture.body(item, "The defence ministers of Poland, Lithuania, Latvia and Estonia agreed in Vilnius "
				+ "on a common plan for air defence along the eastern flank, to be presented to NATO in autumn.");
		this.digests.run("schedule", null);
		String text = DigestTest.part(single(), "text/plain").replace("\r\n", "\n");
		assertThat(text).startsWith("Vigil weekly digest, Jul 27, 2026 \u2013 Aug 3, 2026\n=====")
			.contains("\nPoland\n------\n")
			.contains("\n1. Poland & the Baltic states agree on a common air defence plan for the\n   eastern flank")
			.contains("   The defence ministers of Poland")
			.contains("   https://vigil.example.org/items/" + item + "\n")
			.doesNotContain("&amp;")
			.doesNotContain("<p>")
			.doesNotContain("<a ");
		for (String line : text.split("\n")) {
			if (line.length() > DigestText.WIDTH) {
				assertThat(line.strip()).as("only a link is longer than a line").doesNotContain(" ");
			}
		}
	}

	@Test
	void aPolishReaderGetsTheDigestInPolishWithPolishPluralsAndDates() throws Exception {
		long ola = this.fixture.user("ola@example.org", "Europe/Warsaw", "pl", 1, 7);
		this.fixture.search(ola, "Polska", "country=PL");
		for (int i = 0; i < 3; i++) {
			this.fixture.item(this.source, "Komunikat #" + i, Instant.parse("2026-07-30T12:00:00Z").plusSeconds(i),
					this.poland);
		}
		this.digests.run("schedule", null);
		MimeMessage message = single();
		assertThat(message.getSubject()).startsWith("Tygodniowy przegląd Vigil: 3 nowe pozycje (");
		String text = DigestTest.part(message, "text/plain");
		String html = DigestTest.part(message, "text/html");
		assertThat(text).contains("Dzień dobry").contains("- Polska: 3 nowe").contains("Wypisz się:");
		assertThat(html).contains("lang=\"pl\"")
			.contains("W tym tygodniu Vigil znalazł 3 nowe pozycje")
			.contains("30 lip 2026")
			.doesNotContain("Hello")
			.doesNotContain("Unsubscribe<");
		assertThat(Plurals.form(java.util.Locale.forLanguageTag("pl"), 22)).isEqualTo("few");
		assertThat(Plurals.form(java.util.Locale.forLanguageTag("pl"), 12)).isEqualTo("many");
		assertThat(Plurals.form(java.util.Locale.forLanguageTag("pl"), 5)).isEqualTo("many");
	}

	private static MimeMessage single() {
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		return received[0];
	}

	private static List<String> lines(String text) {
		return List.of(text.replace("\r\n", "\n").split("\n"));
	}

}
