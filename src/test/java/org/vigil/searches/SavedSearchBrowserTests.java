package org.vigil.searches;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("VIGIL_CHROME", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("VIGIL_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	WebDriver driver;

	WebDriverWait wait;

	@BeforeAll
	void startBrowser() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and chromium-driver are not installed");
		insertItems();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(10));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
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
		this.driver.get(url("/"));
		this.wait.until(ExpectedConditions.urlContains("/login"));
		this.driver.findElement(By.id("username")).sendKeys("saved-browser@example.org");
		this.driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		this.driver.findElement(By.cssSelector("form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

		// Filter the timeline by a country through the form.
		this.driver.get(url("/"));
		WebElement country = this.driver.findElement(By.id("add-country"));
		country.sendKeys("FI", Keys.ENTER);
		this.wait.until(ExpectedConditions.urlContains("country=FI"));
		assertThat(titles()).contains("Finland joins the exercise", "Finnish border guard report")
			.doesNotContain("Sweden orders submarines");
		screenshot("searches-1-filtered-timeline");

		// Save it.
		this.driver.findElement(By.cssSelector("details.save-search summary")).click();
		this.driver.findElement(By.id("save-name")).sendKeys("Finland watch");
		this.driver.findElement(By.id("save-notes")).sendKeys("Nordic desk");
		screenshot("searches-2-save-form");
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
		screenshot("searches-3-list");

		// Opening it lands on the filtered timeline.
		row.findElement(By.cssSelector("a.open")).click();
		this.wait.until(ExpectedConditions.urlContains("country=FI"));
		assertThat(this.driver.getCurrentUrl()).isEqualTo(url("/?country=FI"));
		assertThat(titles()).contains("Finland joins the exercise").doesNotContain("Sweden orders submarines");
		assertThat(this.driver.findElements(By.cssSelector(".active-filters a.chip.active"))).isNotEmpty();
		screenshot("searches-4-opened");

		// Edit: rename and widen the filter to Sweden as well, then see it in the list.
		this.driver.get(url("/searches"));
		this.driver.findElement(By.cssSelector("tr.saved-search a.edit")).click();
		this.wait.until(ExpectedConditions.urlMatches(".*/searches/\\d+/edit$"));
		WebElement name = this.driver.findElement(By.id("name"));
		name.clear();
		name.sendKeys("Nordics");
		WebElement countries = this.driver.findElement(By.id("country"));
		assertThat(countries.getAttribute("value")).isEqualTo("FI");
		countries.sendKeys(", Sweden");
		screenshot("searches-5-edit");
		this.driver.findElement(By.cssSelector("form.stacked-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches(".*/searches$"));
		WebElement edited = this.driver.findElement(By.cssSelector("tr.saved-search"));
		assertThat(edited.findElement(By.cssSelector("a.open")).getText()).isEqualTo("Nordics");
		assertThat(edited.findElement(By.cssSelector("td.description")).getText()).isEqualTo("Finland or Sweden");
		edited.findElement(By.cssSelector("a.open")).click();
		this.wait.until(ExpectedConditions.urlContains("country=SE"));
		assertThat(titles()).contains("Finland joins the exercise", "Sweden orders submarines");
	}

	private List<String> titles() {
		return this.driver.findElements(By.cssSelector("h3.card-title a")).stream().map(WebElement::getText).toList();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void screenshot(String name) throws IOException {
		File file = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
