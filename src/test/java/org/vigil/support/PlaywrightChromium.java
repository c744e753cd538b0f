package org.vigil.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven headless by Playwright against a test server, for the reader's
 * browser tests. Playwright never downloads a browser here: it launches the installed
 * one, and the tests are skipped (not failed) where it is not installed. Each
 * {@link #page} is a fresh browser context (its own cookies) at the size given.
 * Screenshots go to {@code target/screenshots/}.
 */
public final class PlaywrightChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("VIGIL_CHROME", "/usr/bin/chromium"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** The desktop size the issue measures at. */
	public static final int[] DESKTOP = { 1280, 800 };

	/** A phone's viewport (iPhone 12–15). */
	public static final int[] PHONE = { 390, 844 };

	private final int port;

	private final Playwright playwright;

	private final Browser browser;

	private PlaywrightChromium(int port, Playwright playwright, Browser browser) {
		this.port = port;
		this.playwright = playwright;
		this.browser = browser;
	}

	/** Skips the calling test unless Chromium is installed. */
	public static void assumeInstalled() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
	}

	/** A browser for the Vigil listening on {@code port}. */
	public static PlaywrightChromium start(int port) {
		assumeInstalled();
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
						"--disable-background-networking", "--disable-component-update", "--no-first-run")));
		return new PlaywrightChromium(port, playwright, browser);
	}

	/**
	 * A page in a new browser context (no cookies) with a viewport of {@code size}
	 * (width, height).
	 */
	public Page page(int[] size) {
		BrowserContext context = this.browser
			.newContext(new Browser.NewContextOptions().setViewportSize(size[0], size[1]).setLocale("en-GB"));
		context.setDefaultTimeout(15_000);
		return context.newPage();
	}

	/** The absolute URL of a path on the test server. */
	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Logs in through the login form and waits until the browser has left it. */
	public void logIn(Page page, String email, String password) {
		page.navigate(url("/login"));
		page.fill("#username", email);
		page.fill("#password", password);
		page.click("form button[type=submit]");
		page.waitForURL((url) -> !url.contains("/login"));
	}

	/**
	 * Saves what the page shows as {@code target/screenshots/NAME.png} and returns the
	 * file.
	 */
	public static Path screenshot(Page page, String name) {
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file));
		return file;
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
