package org.vigil.ingest;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import org.vigil.support.HeadlessChromium;
import org.vigil.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Fetch now" in headless Chromium: the button brings the page straight back with the
 * crawl running, and the crawl's cell then turns into its outcome by itself (htmx
 * polling), with no reload. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "vigil.ingest.allow-private-addresses=true", "vigil.ingest.politeness-delay=0s",
				"vigil.ingest.request-timeout=5s", "vigil.ingest.source-deadline=5s", "vigil.ingest.claim-lease=1s",
				"vigil.ingest.claim-renewal=250ms" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FetchNowBrowserTests {

	@Autowired
	JdbcTemplate jdbc;

	@Value("${local.server.port}")
	int port;

	final AtomicBoolean stopDribbling = new AtomicBoolean();

	FixtureSite site;

	HeadlessChromium browser;

	@BeforeAll
	void start() throws IOException {
		HeadlessChromium.assumeInstalled();
		this.site = new FixtureSite();
		this.site.route("/dribble/feed.xml", FixtureSite.dribbling("application/rss+xml", this.stopDribbling));
		this.jdbc.update("update source set urls = ? where key = 'de-bmvg'",
				(Object) List.of(this.site.base() + "/dribble/feed.xml").toArray(String[]::new));
		this.browser = HeadlessChromium.start(this.port);
	}

	@AfterAll
	void stop() {
		this.stopDribbling.set(true);
		if (this.site != null) {
			this.site.close();
		}
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void fetchNowComesStraightBackAndTheCellShowsTheOutcomeWithoutAReload() throws IOException {
		TestUsers.admin(this.jdbc, "fetch-now@example.org");
		this.browser.logIn("fetch-now@example.org", TestUsers.PASSWORD);
		WebDriver driver = this.browser.driver();
		driver.get(this.browser.url("/admin/sources"));
		By row = By.cssSelector("tr[data-key='de-bmvg']");

		long start = System.nanoTime();
		driver.findElement(row).findElement(By.xpath(".//button[text()='Fetch now']")).click();
		WebDriverWait wait = this.browser.waiting();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
				"Fetching de-bmvg in the background"));
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("FETCH NOW in Chromium: page back in %.2f s while the source dribbles%n", seconds);
		assertThat(seconds).isLessThan(5.0);
		WebElement cell = driver.findElement(row).findElement(By.cssSelector(".crawl-state"));
		assertThat(cell.getText()).contains("Crawling since");
		this.browser.screenshot("fetch-now-1-running");

		// A marker on the window survives only if the page is not reloaded.
		((JavascriptExecutor) driver).executeScript("window.vigilMarker = 'still here';");
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("tr[data-key='de-bmvg'] .crawl-state"), "crawl not complete"));
		assertThat(((JavascriptExecutor) driver).executeScript("return window.vigilMarker;")).isEqualTo("still here");
		assertThat(driver.findElement(row).findElement(By.cssSelector(".crawl-state")).getText())
			.contains("failed: crawl not complete after 5 s");
		this.browser.screenshot("fetch-now-2-outcome");
	}

}
