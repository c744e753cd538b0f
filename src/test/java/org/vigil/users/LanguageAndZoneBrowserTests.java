package org.vigil.users;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.support.PlaywrightChromium;
import org.vigil.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's language and time zone in Chromium: the EN | PL switch (for a visitor, and
 * kept in a signed-in user's account), a time zone changed in one session applied to
 * another open one on its next page, timestamps of the admin pages in the reader's zone
 * and format, and the admin, users and saved-search tables readable on a phone.
 * Screenshots go to {@code target/screenshots/ri18n-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageAndZoneBrowserTests {

	/** An ISO 8601 date with a time, as an Instant prints itself. */
	private static final Pattern RAW_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

	PlaywrightChromium browser;

	long sourceId;

	long searchId;

	@BeforeAll
	void startBrowserAndFillTheAdminPages() {
		this.browser = PlaywrightChromium.start(this.port);
		long admin = TestUsers.admin(this.jdbc, "admin@example.org");
		TestUsers.analyst(this.jdbc, "analyst@example.org");
		this.sourceId = this.jdbc.queryForObject("""
				insert into source (key, name, kind, last_attempt_at, last_success_at, next_check_at)
				values ('ministry-of-a-very-long-name', 'Ministry of a very long name for defence and procurement',
				        'manual', now() - interval '1 hour', now() - interval '1 hour', now() + interval '1 hour')
				returning id""", Long.class);
		this.jdbc.update("""
				insert into digest_run (trigger, started_at, finished_at, instance, sent)
				values ('admin', now() - interval '2 hours', now() - interval '2 hours' + interval '9 seconds',
				        'host-with-a-long-name.example.org:4242', 3)""");
		this.jdbc.update("""
				insert into digest_delivery (user_id, week, status, period_start, period_end, attempts, next_attempt_at,
				                             last_error)
				values (?, current_date, 'failed', now() - interval '7 days', now(), 5, now() + interval '5 minutes',
				        'Connection refused: smtp.example.org:25 did not answer within 30 seconds')""", admin);
		this.jdbc
			.update("""
					insert into tag_job (reason, gazetteer_version, state, total, done, started_at, finished_at)
					values ('gazetteer changed', 1, 'done', 10, 10, now() - interval '3 hours', now() - interval '3 hours')""");
		this.searchId = this.jdbc.queryForObject("""
				insert into saved_search (user_id, name, parameters, notes)
				values (?, 'Poland and its neighbours in the last thirty days', 'country=PL&range=30d',
				        'Weekly brief for the ministry; check the K2 deliveries first') returning id""", Long.class,
				admin);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theSwitchChangesNavigationPageTextAndHtmlLangAndAVisitorKeepsItAfterAReload() {
		Page page = this.browser.page(PlaywrightChromium.DESKTOP);
		page.navigate(this.browser.url("/login"));
		assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
		assertThat(page.locator("h1").textContent()).isEqualTo("Log in");
		assertThat(page.locator("a[lang=en]").getAttribute("aria-current")).isEqualTo("true");

		page.locator("a[lang=pl]").click();
		page.waitForURL((url) -> url.endsWith("/login"));
		assertThat(page.locator("html").getAttribute("lang")).isEqualTo("pl");
		assertThat(page.locator("h1").textContent()).isEqualTo("Logowanie");
		assertThat(page.locator("nav[aria-label=Główne]").textContent()).contains("Oś czasu").contains("Szukaj");
		assertThat(page.locator("label[for=password]").textContent()).isEqualTo("Hasło");
		assertThat(page.locator("a[lang=pl]").getAttribute("aria-current")).isEqualTo("true");
		assertThat(page.locator("a[lang=en]").getAttribute("aria-current")).isNull();
		PlaywrightChromium.screenshot(page, "ri18n-login-pl");

		page.reload();
		assertThat(page.locator("html").getAttribute("lang")).isEqualTo("pl");
		assertThat(page.locator("h1").textContent()).isEqualTo("Logowanie");

		page.locator("a[lang=en]").click();
		page.waitForURL((url) -> url.endsWith("/login"));
		assertThat(page.locator("h1").textContent()).isEqualTo("Log in");
		page.context().close();
	}

	@Test
	void aSignedInUsersChoiceIsSavedAndFollowsThemIntoANewSession() {
		TestUsers.analyst(this.jdbc, "polish@example.org");
		Page first = this.browser.page(PlaywrightChromium.DESKTOP);
		this.browser.logIn(first, "polish@example.org", TestUsers.PASSWORD);
		first.navigate(this.browser.url("/searches"));
		assertThat(first.locator("h1").textContent()).isEqualTo("Saved searches");
		first.locator("a[lang=pl]").click();
		first.waitForURL((url) -> url.endsWith("/searches"));
		assertThat(first.locator("h1").textContent()).isEqualTo("Zapisane wyszukiwania");
		assertThat(first.locator("html").getAttribute("lang")).isEqualTo("pl");
		assertThat(this.jdbc.queryForObject("select locale from app_user where email = 'polish@example.org'",
				String.class))
			.isEqualTo("pl");

		// Another browser, no cookie: the language comes from the account once logged in.
		Page second = this.browser.page(PlaywrightChromium.DESKTOP);
		this.browser.logIn(second, "polish@example.org", TestUsers.PASSWORD);
		second.navigate(this.browser.url("/settings"));
		assertThat(second.locator("html").getAttribute("lang")).isEqualTo("pl");
		assertThat(second.locator("h1").textContent()).isEqualTo("Ustawienia");
		assertThat(second.locator("nav[aria-label=Główne]").textContent()).contains("Zapisane wyszukiwania");
		assertThat(second.locator("#language option[selected]").getAttribute("value")).isEqualTo("pl");
		first.context().close();
		second.context().close();
	}

	@Test
	void aTimeZoneChangedInOneSessionAppliesToAnotherOpenSessionOnItsNextPage() {
		TestUsers.admin(this.jdbc, "zone@example.org");
		Page changing = this.browser.page(PlaywrightChromium.DESKTOP);
		Page reading = this.browser.page(PlaywrightChromium.DESKTOP);
		this.browser.logIn(changing, "zone@example.org", TestUsers.PASSWORD);
		this.browser.logIn(reading, "zone@example.org", TestUsers.PASSWORD);

		reading.navigate(this.browser.url("/admin/users"));
		Locator lastLogin = reading.locator("tr[data-email='zone@example.org'] time");
		Instant at = Instant.parse(lastLogin.getAttribute("datetime"));
		assertThat(lastLogin.textContent()).isEqualTo(shown(at, "UTC"));

		changing.navigate(this.browser.url("/settings"));
		changing.selectOption("#timeZone", "Asia/Tokyo");
		changing.locator("form[action='/settings'] button[type=submit]").click();
		changing.waitForURL((url) -> url.endsWith("/settings"));
		assertThat(changing.locator("p.notice[role=status]").textContent()).isEqualTo("Settings saved.");

		reading.reload();
		lastLogin = reading.locator("tr[data-email='zone@example.org'] time");
		assertThat(lastLogin.getAttribute("datetime")).isEqualTo(at.toString());
		assertThat(lastLogin.textContent()).isEqualTo(shown(at, "Asia/Tokyo")).isNotEqualTo(shown(at, "UTC"));
		changing.context().close();
		reading.context().close();
	}

	@Test
	void adminPagesShowEveryTimestampInTheReadersZoneAndFormatNeverAsRawIso() {
		Page page = this.browser.page(PlaywrightChromium.DESKTOP);
		this.browser.logIn(page, "admin@example.org", TestUsers.PASSWORD);
		Map<String, Integer> timestamps = Map.of("/admin/sources", 2, "/admin/sources/" + this.sourceId, 1,
				"/admin/users", 1, "/admin/digest", 3, "/admin/tagging", 1);
		for (var expected : timestamps.entrySet()) {
			page.navigate(this.browser.url(expected.getKey()));
			String text = page.locator("main").innerText();
			assertThat(RAW_TIMESTAMP.matcher(text).find()).as(expected.getKey() + ":\n" + text).isFalse();
			Locator times = page.locator("main time[datetime]");
			assertThat(times.count()).as(expected.getKey()).isGreaterThanOrEqualTo(expected.getValue());
			for (int i = 0; i < times.count(); i++) {
				assertThat(times.nth(i).textContent()).as(expected.getKey()).isNotBlank().doesNotContain("T");
			}
		}
		page.navigate(this.browser.url("/admin/digest"));
		PlaywrightChromium.screenshot(page, "ri18n-admin-digest-desktop");
		page.context().close();
	}

	@Test
	void adminUsersAndSavedSearchPagesDoNotScrollSidewaysOnAPhone() {
		Page page = this.browser.page(PlaywrightChromium.PHONE);
		this.browser.logIn(page, "admin@example.org", TestUsers.PASSWORD);
		List<String> paths = List.of("/admin/sources", "/admin/sources/" + this.sourceId, "/admin/users",
				"/admin/digest", "/admin/tagging", "/searches", "/searches/" + this.searchId + "/edit", "/settings");
		for (String path : paths) {
			page.navigate(this.browser.url(path));
			int width = ((Number) page.evaluate("document.scrollingElement.scrollWidth")).intValue();
			assertThat(width).as(path).isLessThanOrEqualTo(390);
		}
		// The table became cards: each cell says which column it is.
		page.navigate(this.browser.url("/admin/users"));
		assertThat(page.locator("thead").first().isVisible()).isFalse();
		assertThat(page.locator("tr[data-email='admin@example.org'] td[data-label='Last login']").isVisible()).isTrue();
		PlaywrightChromium.screenshot(page, "ri18n-admin-users-phone");
		page.navigate(this.browser.url("/admin/digest"));
		assertThat(
				page.evaluate("getComputedStyle(document.querySelector('.digest-runs td.sent'), '::before').content"))
			.isEqualTo("\"Sent\"");
		page.navigate(this.browser.url("/admin/sources"));
		PlaywrightChromium.screenshot(page, "ri18n-admin-sources-phone");
		page.context().close();
	}

	private static String shown(Instant at, String zone) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(Locale.ENGLISH)
			.withZone(ZoneId.of(zone))
			.format(at);
	}

}
