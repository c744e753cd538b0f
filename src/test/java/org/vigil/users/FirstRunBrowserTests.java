package org.vigil.users;

import java.io.IOException;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.vigil.support.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first hour in headless Chromium: the login page of a new Vigil says where the first
 * account comes from; the setup link from the start log creates the admin, who lands on
 * an empty timeline that says what to do next. Screenshots go to
 * {@code target/screenshots/first-run-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "vigil.site.base-url=https://first-browser.example.org")
@Import(SetupLinkLog.class)
class FirstRunBrowserTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	ListAppender<ILoggingEvent> startLog;

	@Test
	void aNewAdminGoesFromTheLoginPageThroughTheSetupLinkToAnEmptyTimelineWithNextSteps() throws IOException {
		HeadlessChromium.assumeInstalled();
		String setup = SetupLinkLog.setupPath(this.startLog, "https://first-browser.example.org");
		try (HeadlessChromium browser = HeadlessChromium.start(this.port)) {
			WebDriver driver = browser.driver();
			driver.get(browser.url("/"));
			browser.waiting().until(ExpectedConditions.urlContains("/login"));
			assertThat(driver.findElement(By.tagName("main")).getText())
				.contains("This Vigil has no administrator yet");
			browser.screenshot("first-run-login");

			driver.get(browser.url(setup));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Set up Vigil");
			driver.findElement(By.id("email")).sendKeys("first@example.org");
			driver.findElement(By.id("password")).sendKeys("qwertyuiop");
			driver.findElement(By.id("confirmPassword")).sendKeys("qwertyuiop");
			driver.findElement(By.cssSelector("form button[type=submit]")).click();
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.error"),
						"most common"));
			browser.screenshot("first-run-refused");

			driver.findElement(By.id("email")).clear();
			driver.findElement(By.id("email")).sendKeys("first@example.org");
			driver.findElement(By.id("password")).sendKeys("the first of many watchers");
			driver.findElement(By.id("confirmPassword")).sendKeys("the first of many watchers");
			driver.findElement(By.cssSelector("form button[type=submit]")).click();
			browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/setup")));
			String home = driver.findElement(By.tagName("main")).getText();
			assertThat(home).contains("No items yet").contains("add a source").contains("vigil demo-data");
			assertThat(driver.findElement(By.linkText("add a source")).getAttribute("href")).endsWith("/admin/sources");
			browser.screenshot("first-run-home");

			driver.get(browser.url(setup));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		}
	}

}
