package org.vigil.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven headless through chromium-driver against a test server, for
 * the browser tests; they are skipped (not failed) where the two are not installed.
 * Screenshots go to {@code target/screenshots/} for a reviewer.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("VIGIL_CHROME", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("VIGIL_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final int port;

	private final WebDriver driver;

	private final WebDriverWait wait;

	private HeadlessChromium(int port, WebDriver driver) {
		this.port = port;
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	/** Skips the calling test class unless Chromium and chromium-driver are installed. */
	public static void assumeInstalled() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and chromium-driver are not installed");
	}

	/** A browser for the Vigil listening on {@code port}. */
	public static HeadlessChromium start(int port) throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		Files.createDirectories(SCREENSHOTS);
		return new HeadlessChromium(port, new ChromeDriver(service, options));
	}

	public WebDriver driver() {
		return this.driver;
	}

	public WebDriverWait waiting() {
		return this.wait;
	}

	/** The absolute URL of a path on the test server. */
	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Opens the timeline, is sent to the login form, and logs in there. */
	public void logIn(String email, String password) {
		this.driver.get(url("/"));
		this.wait.until(ExpectedConditions.urlContains("/login"));
		this.driver.findElement(By.id("username")).sendKeys(email);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** The titles of the timeline cards on the current page, top to bottom. */
	public List<String> cardTitles() {
		return this.driver.findElements(By.cssSelector("h3.card-title a")).stream().map(WebElement::getText).toList();
	}

	/** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
	public void screenshot(String name) throws IOException {
		File file = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
