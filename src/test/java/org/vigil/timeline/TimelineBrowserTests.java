package org.vigil.timeline;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.HeadlessChromium;
import org.vigil.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The pages in headless Chromium, the way an analyst uses them: filter, search, open an
 * item, follow a chip. Screenshots go to {@code target/screenshots/} for review.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "vigil.timeline.page-size=20")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineBrowserTests {

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	HeadlessChromium browser;

	WebDriver driver;

	WebDriverWait wait;

	long hostile;

	@BeforeAll
	void startBrowser() throws IOException {
		HeadlessChromium.assumeInstalled();
		insertItems();
		this.browser = HeadlessChromium.start(this.port);
		this.driver = this.browser.driver();
		this.wait = this.browser.waiting();
		TestUsers.analyst(this.jdbc, "browser@example.org");
		this.browser.logIn("browser@example.org", TestUsers.PASSWORD);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	private void insertItems() {
		TimelineFixture fixture = new TimelineFixture(this.jdbc);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long nato = fixture.source("nato", "NATO", true);
		long media = fixture.source("defence24", "Defence24", false);
		long poland = fixture.entity("country", "PL", "Poland");
		long germany = fixture.entity("country", "DE", "Germany");
		long sentry = fixture.entity("programme", "eastern-sentry", "Eastern Sentry");
		long rutte = fixture.entity("person", "mark-rutte", "Mark Rutte");
		fixture.role(rutte, "NATO.secretary-general", "NATO Secretary General", java.time.LocalDate.of(2024, 10, 1),
				null);
		long launch = fixture.item(nato, "NATO launches Eastern Sentry on the eastern flank")
			.body("Secretary General Mark Rutte announced Eastern Sentry after drones entered Poland.\n\n"
					+ "Allies including Germany will contribute aircraft.")
			.published(now.minus(2, ChronoUnit.HOURS))
			.insert();
		fixture.mention(launch, rutte, "Mark Rutte");
		fixture.mention(launch, sentry, "Eastern Sentry");
		fixture.mention(launch, poland, "Poland");
		fixture.mention(launch, germany, "Germany");
		long tanks = fixture.item(media, "Poland receives more K2 tanks")
			.body("The Polish army took delivery of another batch of tanks in Poland.")
			.published(now.minus(1, ChronoUnit.DAYS))
			.type("news")
			.insert();
		fixture.mention(tanks, poland, "Poland");
		long berlin = fixture.item(nato, "Germany hosts a logistics conference")
			.body("Germany hosted allies to discuss military mobility.")
			.published(now.minus(2, ChronoUnit.DAYS))
			.type("speech")
			.dateOnly()
			.insert();
		fixture.mention(berlin, germany, "Germany");
		this.hostile = fixture.item(media, "Scraped page with <script>alert('x')</script> in its title")
			.html("<p>Body<script>alert(1)</script><img src=\"/nothing.png\" onerror=\"alert(2);document.title='pwned'\">"
					+ "<a id=\"bad\" href=\"javascript:alert(3);document.title='pwned'\">click me</a></p>")
			.body("Body <script>alert(1)</script> <img src=x onerror=\"alert(2)\"> <a href=\"javascript:alert(3)\">"
					+ " about Poland")
			.published(now.minus(3, ChronoUnit.HOURS))
			.insert();
		fixture.mention(this.hostile, poland, "Poland");
	}

	@Test
	void analystFiltersSearchesOpensAnItemAndFollowsAChip() throws IOException {
		this.driver.get(this.browser.url("/"));
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Timeline");
		assertThat(this.driver.findElements(By.cssSelector("article.card"))).hasSizeGreaterThanOrEqualTo(4);
		assertThat(this.driver.findElements(By.cssSelector("h2.day-heading")).get(0).getText())
			.matches("(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), .*");
		this.browser.screenshot("1-timeline");

		// Country filter through the form (folded under "Filters"), with the htmx-driven
		// suggestions.
		this.driver.findElement(By.cssSelector(".more-filters summary")).click();
		var country = this.driver.findElement(By.id("add-country"));
		country.sendKeys("Pol");
		this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#country-options option[value='PL']")));
		country.sendKeys(Keys.chord(Keys.CONTROL, "a"), "PL", Keys.ENTER);
		this.wait.until(ExpectedConditions.urlContains("country=PL"));
		assertThat(this.browser.cardTitles())
			.contains("Poland receives more K2 tanks", "NATO launches Eastern Sentry on the eastern flank")
			.doesNotContain("Germany hosts a logistics conference");
		this.browser.screenshot("2-country-filter");

		// Full-text query on top of the country filter.
		var query = this.driver.findElement(By.id("q"));
		query.sendKeys("\"eastern sentry\" -tanks", Keys.ENTER);
		// Not "q=": the form sends its empty search field with the country filter too.
		this.wait.until(ExpectedConditions.urlContains("sentry"));
		assertThat(this.driver.getCurrentUrl()).contains("country=PL");
		assertThat(this.browser.cardTitles()).containsExactly("NATO launches Eastern Sentry on the eastern flank");
		assertThat(this.driver.findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
		this.browser.screenshot("3-search");

		// Open the item.
		this.driver.findElement(By.linkText("NATO launches Eastern Sentry on the eastern flank")).click();
		this.wait.until(ExpectedConditions.urlMatches(".*/items/\\d+$"));
		assertThat(this.driver.findElements(By.cssSelector(".body-text a.mention"))).hasSize(4);
		this.browser.screenshot("4-item");

		// Follow an entity chip to the entity page.
		this.driver.findElement(By.cssSelector("ul.chips a.chip.person")).click();
		this.wait.until(ExpectedConditions.urlContains("/entities/person/mark-rutte"));
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).startsWith("Mark Rutte");
		assertThat(this.driver.findElements(By.cssSelector("svg.chart rect.bar"))).hasSize(EntityController.WEEKS);
		assertThat(this.driver.getPageSource()).contains("NATO Secretary General");
		this.browser.screenshot("5-entity");
	}

	@Test
	void scrapedScriptsDoNotRun() throws IOException {
		this.driver.get(this.browser.url("/items/" + this.hostile));
		this.driver.findElement(By.tagName("summary")).click();
		assertThat(this.driver.findElement(By.tagName("h1")).getText())
			.isEqualTo("Scraped page with <script>alert('x')</script> in its title");
		if (!this.driver.findElements(By.id("bad")).isEmpty()) {
			this.driver.findElement(By.id("bad")).click();
		}
		else {
			this.driver.findElement(By.linkText("click me")).click();
		}
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> this.driver.switchTo().alert());
		assertThat(this.driver.getTitle()).doesNotContain("pwned");
		assertThat(this.driver.findElements(By.cssSelector(".body-html script, .body-html [onerror]"))).isEmpty();
		this.browser.screenshot("6-hostile-item");
		this.driver.get(this.browser.url("/"));
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> this.driver.switchTo().alert());
	}

}
