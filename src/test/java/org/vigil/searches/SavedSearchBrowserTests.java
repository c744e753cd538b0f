package org.vigil.searches;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

/**
 * Saved searches in headless Chromium as an analyst uses them: log in, filter the
 * timeline, save the search, find it in the list, open it. Screenshots go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedSearchBrowserTests {

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	HeadlessChromium browser;

	WebDriver driver;

	WebDriverWait wait;

	@BeforeAll
	void startBrowser() throws IOException {
		HeadlessChromium.assumeInstalled();
		insertItems();
		this.browser = HeadlessChromium.start(this.port);
		this.driver = this.browser.driver();
		this.wait = this.browser.waiting();
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	private void insertItems() {
		SearchFixture fixture = new SearchFixture(this.jdbc);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long source = fixture.source("browser-mod", "Browser MoD");
		long finland = fixture.entity("country", "FI", "Finland");
		long sweden = fixture.entity("country", "SE", "Sweden");
		fixture.item(source, "Finland joins the exercise", now.minus(2, ChronoUnit.HOURS), finland);
		fixture.item(source, "Finnish border guard report", now.minus(1, ChronoUnit.DAYS), finland);
		fixture.item(source, "Sweden orders submarines", now.minus(3, ChronoUnit.HOURS), sweden);
	}

	@Test
	void analystSavesAFilteredTimelineSeesItListedAndOpensIt() throws IOException {
		TestUsers.analyst(this.jdbc, "saved-browser@example.org");
		this.browser.logIn("saved-browser@example.org", TestUsers.PASSWORD);

		// Filter the timeline by a country through the form.
		this.driver.get(this.browser.url("/"));
		this.driver.findElement(By.cssSelector("details.more-filters summary")).click();
		WebElement country = this.driver.findElement(By.id("add-country"));
		country.sendKeys("FI", Keys.ENTER);
		this.wait.until(ExpectedConditions.urlContains("country=FI"));
		assertThat(this.browser.cardTitles()).contains("Finland joins the exercise", "Finnish border guard report")
			.doesNotContain("Sweden orders submarines");
		this.browser.screenshot("searches-1-filtered-timeline");

		// Save it.
		this.driver.findElement(By.cssSelector("details.save-search summary")).click();
		this.driver.findElement(By.id("save-name")).sendKeys("Finland watch");
		this.driver.findElement(By.id("save-notes")).sendKeys("Nordic desk");
		this.browser.screenshot("searches-2-save-form");
		this.driver.findElement(By.cssSelector("details.save-search button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches(".*/searches$"));

		// Listed with its description and notes.
		assertThat(this.driver.findElement(By.cssSelector("p.notice")).getText())
			.contains("Saved \u201CFinland watch\u201D");
		WebElement row = this.driver.findElement(By.cssSelector("tr.saved-search"));
		assertThat(row.findElement(By.cssSelector("a.open")).getText()).isEqualTo("Finland watch");
		assertThat(row.findElement(By.cssSelector("td.description")).getText()).isEqualTo("Finland");
		assertThat(row.findElement(By.cssSelector("td.notes")).getText()).isEqualTo("Nordic desk");
		assertThat(row.findElement(By.cssSelector("td.new-count")).getText()).isEqualTo("nothing new");
		this.browser.screenshot("searches-3-list");

		// Opening it lands on the filtered timeline, unread items only.
		row.findElement(By.cssSelector("a.open")).click();
		this.wait.until(ExpectedConditions.urlContains("country=FI"));
		assertThat(this.driver.getCurrentUrl()).isEqualTo(this.browser.url("/?country=FI&unread=1"));
		assertThat(this.browser.cardTitles()).contains("Finland joins the exercise")
			.doesNotContain("Sweden orders submarines");
		assertThat(this.driver.findElements(By.cssSelector(".active-filters a.chip.active"))).isNotEmpty();
		this.browser.screenshot("searches-4-opened");

		// Edit: rename and widen the filter to Sweden as well, then see it in the list.
		this.driver.get(this.browser.url("/searches"));
		this.driver.findElement(By.cssSelector("tr.saved-search a.edit")).click();
		this.wait.until(ExpectedConditions.urlMatches(".*/searches/\\d+/edit$"));
		WebElement name = this.driver.findElement(By.id("name"));
		name.clear();
		name.sendKeys("Nordics");
		WebElement countries = this.driver.findElement(By.id("country"));
		assertThat(countries.getAttribute("value")).isEqualTo("FI");
		countries.sendKeys(", Sweden");
		this.browser.screenshot("searches-5-edit");
		this.driver.findElement(By.cssSelector("form.stacked-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches(".*/searches$"));
		WebElement edited = this.driver.findElement(By.cssSelector("tr.saved-search"));
		assertThat(edited.findElement(By.cssSelector("a.open")).getText()).isEqualTo("Nordics");
		assertThat(edited.findElement(By.cssSelector("td.description")).getText()).isEqualTo("Finland or Sweden");
		edited.findElement(By.cssSelector("a.open")).click();
		this.wait.until(ExpectedConditions.urlContains("country=SE"));
		assertThat(this.browser.cardTitles()).contains("Finland joins the exercise", "Sweden orders submarines");
	}

}
