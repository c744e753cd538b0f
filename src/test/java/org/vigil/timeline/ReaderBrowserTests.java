package org.vigil.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.PlaywrightChromium;
import org.vigil.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the timeline with the keyboard in Chromium, as an analyst would: j/k select, m
 * and o mark read (and it stays read after a reload), s stars and the Starred page keeps
 * a note, a crowded card shows six chips and expands the rest in place, and typing in the
 * search field never triggers a shortcut. Each test logs in as its own user, so marks of
 * one test never show in another.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// banner-mode only makes this context (and its database) its own: j/k counts
		// the items on the timeline, so another class's items must not appear there.
		properties = { "vigil.timeline.page-size=30", "vigil.timeline.facet-cache-ttl=0s",
				"spring.main.banner-mode=off" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderBrowserTests {

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	PlaywrightChromium browser;

	/** Newest first, as the timeline shows them. */
	final List<Long> items = new ArrayList<>();

	long crowded;

	@BeforeAll
	void start() {
		PlaywrightChromium.assumeInstalled();
		TimelineFixture fixture = new TimelineFixture(this.jdbc);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long nato = fixture.source("nato", "NATO", true);
		for (int i = 0; i < 14; i++) {
			this.items.add(fixture.item(nato, "Statement number " + (i + 1))
				.body("The alliance said something, number " + (i + 1) + ".")
				.published(now.minus(i + 1, ChronoUnit.HOURS))
				.insert());
		}
		this.crowded = fixture.item(nato, "Summit of twenty countries")
			.body("Twenty countries met.")
			.published(now.minus(3, ChronoUnit.DAYS))
			.insert();
		for (int i = 0; i < 20; i++) {
			fixture.tag(this.crowded, fixture.entity("country", "X" + (char) ('A' + i), "Land " + i));
		}
		this.browser = PlaywrightChromium.start(this.port);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	Page signedIn(String email) {
		TestUsers.analyst(this.jdbc, email);
		Page page = this.browser.page(PlaywrightChromium.DESKTOP);
		this.browser.logIn(page, email, TestUsers.PASSWORD);
		page.navigate(this.browser.url("/"));
		return page;
	}

	Locator article(Page page, long id) {
		return page.locator("article[data-item-id='" + id + "']");
	}

	@Test
	void readsTenItemsWithTheKeyboardAndTheyStayReadAfterAReload() {
		Page page = signedIn("keys@example.org");
		Locator articles = page.locator("article[data-item-id]");
		assertThat(page.locator("article[aria-current]")).hasCount(0);
		for (int n = 0; n < 3; n++) {
			page.keyboard().press("j");
		}
		assertThat(articles.nth(2)).hasAttribute("aria-current", "true");
		assertThat(page.locator("article[aria-current]")).hasCount(1);
		assertThat(page.locator("#reader-live")).hasText(Pattern.compile("Item 3 of \\d+: Statement number 3"));
		page.keyboard().press("k");
		page.keyboard().press("k");
		assertThat(articles.nth(0)).hasAttribute("aria-current", "true");
		// Items 1 to 9 with m, the tenth by opening it with o.
		for (int n = 0; n < 9; n++) {
			if (n > 0) {
				page.keyboard().press("j");
			}
			assertThat(articles.nth(n)).hasAttribute("aria-current", "true");
			page.keyboard().press("m");
			assertThat(article(page, this.items.get(n))).hasAttribute("data-read", "true");
		}
		assertThat(page.locator("#reader-live")).hasText("Marked read");
		assertThat(article(page, this.items.get(0)).locator(".read-state")).hasText("Read");
		assertThat(article(page, this.items.get(0)).locator("form.mark-read button")).hasText("Mark unread");
		page.keyboard().press("j");
		page.keyboard().press("o");
		page.waitForURL("**/items/" + this.items.get(9));
		page.navigate(this.browser.url("/"));
		for (int n = 0; n < 10; n++) {
			assertThat(article(page, this.items.get(n))).hasAttribute("data-read", "true");
		}
		assertThat(article(page, this.items.get(10))).hasAttribute("data-read", "false");
		// m again marks unread, and unread only hides what was read.
		page.keyboard().press("j");
		page.keyboard().press("m");
		assertThat(article(page, this.items.get(0))).hasAttribute("data-read", "false");
		page.navigate(this.browser.url("/?unread=1"));
		assertThat(article(page, this.items.get(0))).hasCount(1);
		assertThat(article(page, this.items.get(1))).hasCount(0);
		PlaywrightChromium.screenshot(page, "reader-unread-only");
	}

	@Test
	void starsWithTheKeyboardAndKeepsANoteOnTheStarredPage() {
		Page page = signedIn("stars@example.org");
		page.keyboard().press("j");
		page.keyboard().press("j");
		page.keyboard().press("s");
		long second = this.items.get(1);
		assertThat(article(page, second)).hasAttribute("data-starred", "true");
		assertThat(page.locator("#reader-live")).hasText("Starred");
		page.reload();
		assertThat(article(page, second)).hasAttribute("data-starred", "true");
		page.click("nav a[href='/starred']");
		page.waitForURL("**/starred");
		assertThat(page.locator("article[data-item-id]")).hasCount(1);
		assertThat(article(page, second)).hasAttribute("data-starred", "true");
		page.fill("#note-" + second, "Ask the press office about the date.");
		page.click("#item-" + second + " form.star-note button");
		page.waitForURL("**/starred**");
		assertThat(page.locator("#note-" + second)).hasValue("Ask the press office about the date.");
		PlaywrightChromium.screenshot(page, "reader-starred");
		// Unstarring from the card takes it off the page at the next visit.
		page.keyboard().press("j");
		page.keyboard().press("s");
		assertThat(article(page, second)).hasAttribute("data-starred", "false");
		page.reload();
		assertThat(page.locator("article[data-item-id]")).hasCount(0);
	}

	@Test
	void aCrowdedCardShowsSixChipsAndExpandsTheRestInPlace() {
		Page page = signedIn("chips@example.org");
		Locator card = article(page, this.crowded);
		card.scrollIntoViewIfNeeded();
		Locator visible = card.locator("a[data-entity]:visible");
		assertThat(visible).hasCount(6);
		Locator more = card.locator("summary");
		assertThat(more).hasText("+14 more");
		more.click();
		assertThat(visible).hasCount(20);
		PlaywrightChromium.screenshot(page, "reader-chips-expanded");
	}

	@Test
	void keysAreNotStolenWhileTypingAndSlashAndQuestionMarkWork() {
		Page page = signedIn("typing@example.org");
		page.keyboard().press("/");
		assertThat(page.locator("#q")).isFocused();
		page.keyboard().type("jjkmso");
		assertThat(page.locator("#q")).hasValue("jjkmso");
		assertThat(page.locator("article[aria-current]")).hasCount(0);
		assertThat(page.locator("article[data-read='true']")).hasCount(0);
		assertThat(page.locator("article[data-starred='true']")).hasCount(0);
		page.locator("#q").blur();
		// Ctrl+J and the like belong to the browser.
		page.keyboard().press("Control+j");
		assertThat(page.locator("article[aria-current]")).hasCount(0);
		page.keyboard().press("?");
		assertThat(page.locator("#reader-help")).isVisible();
		assertThat(page.locator("#reader-help")).containsText("Next item");
		PlaywrightChromium.screenshot(page, "reader-keys-help");
		page.keyboard().press("j");
		assertThat(page.locator("article[aria-current]")).hasCount(0);
		page.keyboard().press("Escape");
		assertThat(page.locator("#reader-help")).isHidden();
		page.keyboard().press("j");
		assertThat(page.locator("article[aria-current]")).hasCount(1);
	}

}
