package org.vigil.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact timeline in Chromium at the two sizes: the first item on the first
 * screen, active filters removed from the bar, a story folded under its first report, and
 * a search switched between "Best match" and "Newest". With
 * {@code -Dvigil.docs.screenshots=true} the desktop and phone screenshots are also copied
 * to {@code docs/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompactTimelineBrowserTests {

	private static final String EMAIL = "reader@example.org";

	private static final String MEETING = "Defence ministers meet at NATO Headquarters to strengthen deterrence";

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	PlaywrightChromium browser;

	@BeforeAll
	void start() {
		PlaywrightChromium.assumeInstalled();
		insertItems();
		TestUsers.analyst(this.jdbc, EMAIL);
		this.browser = PlaywrightChromium.start(this.port);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void firstItemIsOnTheFirstScreenOnDesktopAndPhone() throws IOException {
		for (int[] size : List.of(PlaywrightChromium.DESKTOP, PlaywrightChromium.PHONE)) {
			Page page = signedIn(size);
			for (String path : List.of("/", "/?country=PL&range=30d", "/?q=drone")) {
				page.navigate(this.browser.url(path));
				BoundingBox title = page.locator("article.card .card-title").first().boundingBox();
				assertThat(title.y + title.height).as("bottom of the first title at %s, %dx%d", path, size[0], size[1])
					.isLessThanOrEqualTo(size[1]);
			}
			page.navigate(this.browser.url("/"));
			String name = (size == PlaywrightChromium.PHONE) ? "timeline-phone" : "timeline-desktop";
			Path shot = PlaywrightChromium.screenshot(page, name);
			if (Boolean.getBoolean("vigil.docs.screenshots")) {
				Path docs = Path.of("docs", "screenshots");
				Files.createDirectories(docs);
				Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
			}
			page.context().close();
		}
	}

	@Test
	void anActiveFilterIsRemovedFromTheBar() {
		Page page = signedIn(PlaywrightChromium.DESKTOP);
		page.navigate(this.browser.url("/?country=PL&type=news"));
		Locator chips = page.locator(".active-filters a.chip.active");
		assertThat(chips.allTextContents()).hasSize(2);
		assertThat(titles(page)).doesNotContain("Poland signs a second executive contract for K2 tanks");
		page.locator(".active-filters a[aria-label='Remove filter News']").click();
		page.waitForURL((url) -> !url.contains("type=news"));
		assertThat(page.url()).contains("country=PL");
		assertThat(page.locator(".active-filters a.chip.active").allTextContents()).hasSize(1);
		assertThat(titles(page)).contains("Poland signs a second executive contract for K2 tanks");
		page.context().close();
	}

	@Test
	void threeReportsOfOneMeetingAreOneStoryThatExpandsInPlace() {
		Page page = signedIn(PlaywrightChromium.DESKTOP);
		page.navigate(this.browser.url("/"));
		Locator story = page.locator(".story.grouped").filter(new Locator.FilterOptions().setHasText(MEETING));
		assertThat(story.count()).isEqualTo(1);
		assertThat(story.locator("summary").textContent()).contains("Also from UK Ministry of Defence, Defence24");
		assertThat(story.locator("article.card").count()).isEqualTo(3);
		assertThat(story.locator("article.card:visible").count()).isEqualTo(1);
		// Each report appears once on the page, inside the story.
		assertThat(titles(page)).containsOnlyOnce("Defence Secretary joins NATO counterparts in Brussels");
		story.locator("summary").click();
		assertThat(story.locator("article.card:visible").count()).isEqualTo(3);
		assertThat(story.locator("article.card:visible .card-title").allTextContents()).map(String::strip)
			.containsExactly(MEETING, "Defence Secretary joins NATO counterparts in Brussels",
					"NATO ministers agree to speed up air defence deliveries to Ukraine");
		page.context().close();
	}

	@Test
	void aSearchSwitchesBetweenBestMatchAndNewest() {
		Page page = signedIn(PlaywrightChromium.DESKTOP);
		page.navigate(this.browser.url("/?q=drone"));
		assertThat(page.locator("nav.sort a[aria-current=true]").textContent()).isEqualTo("Best match");
		List<String> best = titles(page);
		assertThat(best.get(0)).containsIgnoringCase("drone");
		page.locator("nav.sort a", new Page.LocatorOptions().setHasText("Newest")).click();
		page.waitForURL((url) -> url.contains("sort=new"));
		List<String> newest = titles(page);
		assertThat(newest.get(0)).isEqualTo("Budget committee reviews the 2027 procurement plan");
		assertThat(newest).containsExactlyInAnyOrderElementsOf(best).isNotEqualTo(best);
		// The order survives a new query typed into the bar.
		page.fill("#q", "drone wall");
		page.press("#q", "Enter");
		page.waitForURL((url) -> url.contains("wall"));
		assertThat(page.url()).contains("sort=new");
		page.context().close();
	}

	private Page signedIn(int[] size) {
		Page page = this.browser.page(size);
		this.browser.logIn(page, EMAIL, TestUsers.PASSWORD);
		return page;
	}

	private static List<String> titles(Page page) {
		return page.locator("article.card .card-title").allTextContents().stream().map(String::strip).toList();
	}

	/**
	 * A morning's defence news: three reports of one meeting, and searches for drones.
	 */
	private void insertItems() {
		TimelineFixture fixture = new TimelineFixture(this.jdbc);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		long nato = fixture.source("nato", "NATO", true);
		long ukMod = fixture.source("uk-mod", "UK Ministry of Defence", true);
		long plMod = fixture.source("pl-mod", "Polish Ministry of National Defence", true);
		long defence24 = fixture.source("defence24", "Defence24", false);
		long breaking = fixture.source("breaking-defense", "Breaking Defense", false);
		long poland = fixture.entity("country", "PL", "Poland");
		long germany = fixture.entity("country", "DE", "Germany");
		long ukraine = fixture.entity("country", "UA", "Ukraine");
		long lithuania = fixture.entity("country", "LT", "Lithuania");
		long rutte = fixture.entity("person", "mark-rutte", "Mark Rutte");
		long healey = fixture.entity("person", "john-healey", "John Healey");
		long kosiniak = fixture.entity("person", "wladyslaw-kosiniak-kamysz", "Władysław Kosiniak-Kamysz");
		long sentry = fixture.entity("programme", "eastern-sentry", "Eastern Sentry");
		long k2 = fixture.entity("programme", "k2pl", "K2PL");
		long f35 = fixture.entity("programme", "f-35", "F-35");
		fixture.item(defence24, "Budget committee reviews the 2027 procurement plan")
			.body("The Sejm budget committee reviewed the 2027 procurement plan line by line. Among the new"
					+ " lines is a maritime drone for the navy, alongside artillery ammunition and trucks.")
			.published(now.minus(30, ChronoUnit.MINUTES))
			.type("news")
			.language("en")
			.insert();
		long story = fixture.story();
		long meeting = fixture.item(nato, MEETING)
			.body("NATO Secretary General Mark Rutte welcomed Allied Defence Ministers to NATO Headquarters on"
					+ " Thursday. Ministers discussed deterrence on the eastern flank and support for Ukraine.")
			.published(now.minus(1, ChronoUnit.HOURS))
			.story(story)
			.insert();
		fixture.mention(meeting, rutte, "Mark Rutte");
		fixture.mention(meeting, ukraine, "Ukraine");
		long healeyReport = fixture.item(ukMod, "Defence Secretary joins NATO counterparts in Brussels")
			.body("Defence Secretary John Healey met NATO counterparts in Brussels and announced further support"
					+ " for Ukraine's air defence.")
			.published(now.minus(2, ChronoUnit.HOURS))
			.story(story)
			.insert();
		fixture.mention(healeyReport, healey, "John Healey");
		fixture.mention(healeyReport, ukraine, "Ukraine");
		long airDefence = fixture.item(defence24, "NATO ministers agree to speed up air defence deliveries to Ukraine")
			.body("Defence ministers meeting in Brussels agreed to speed up deliveries of air defence systems"
					+ " to Ukraine, NATO Secretary General Mark Rutte said.")
			.published(now.minus(3, ChronoUnit.HOURS))
			.type("news")
			.story(story)
			.insert();
		fixture.mention(airDefence, ukraine, "Ukraine");
		fixture.mention(airDefence, rutte, "Mark Rutte");
		long k2Contract = fixture.item(plMod, "Poland signs a second executive contract for K2 tanks")
			.body("Deputy Prime Minister Władysław Kosiniak-Kamysz signed the second executive contract for"
					+ " K2PL tanks; deliveries to Poland begin next year.")
			.published(now.minus(5, ChronoUnit.HOURS))
			.insert();
		fixture.mention(k2Contract, kosiniak, "Władysław Kosiniak-Kamysz");
		fixture.mention(k2Contract, k2, "K2PL");
		fixture.mention(k2Contract, poland, "Poland");
		long jets = fixture.item(breaking, "Germany orders 15 more F-35A fighters")
			.body("Germany will buy 15 more F-35 jets, bringing its order to 50, the defence ministry said.")
			.published(now.minus(7, ChronoUnit.HOURS))
			.type("news")
			.insert();
		fixture.mention(jets, germany, "Germany");
		fixture.mention(jets, f35, "F-35");
		long patrols = fixture.item(defence24, "Eastern Sentry air patrols extended over the Baltic")
			.body("Eastern Sentry patrols over Poland and Lithuania will continue through the winter.")
			.published(now.minus(9, ChronoUnit.HOURS))
			.type("news")
			.insert();
		fixture.mention(patrols, sentry, "Eastern Sentry");
		fixture.mention(patrols, poland, "Poland");
		fixture.mention(patrols, lithuania, "Lithuania");
		long interceptors = fixture.item(ukMod, "UK to deliver thousands more drone interceptors to Ukraine")
			.body("The United Kingdom will deliver thousands more drone interceptors to Ukraine this winter.")
			.published(now.minus(26, ChronoUnit.HOURS))
			.insert();
		fixture.mention(interceptors, ukraine, "Ukraine");
		long vilnius = fixture.item(nato, "Secretary General visits Lithuania")
			.body("Mark Rutte met the President of Lithuania in Vilnius to discuss forward defence.")
			.published(now.minus(28, ChronoUnit.HOURS))
			.type("speech")
			.insert();
		fixture.mention(vilnius, rutte, "Mark Rutte");
		fixture.mention(vilnius, lithuania, "Lithuania");
		long wall = fixture.item(plMod, "Minister Kosiniak-Kamysz: the drone wall on the eastern border by 2027")
			.body("The drone wall along Poland's eastern border will be operational in 2027, said Władysław"
					+ " Kosiniak-Kamysz.")
			.published(now.minus(30, ChronoUnit.HOURS))
			.type("statement")
			.insert();
		fixture.mention(wall, poland, "Poland");
		fixture.mention(wall, kosiniak, "Władysław Kosiniak-Kamysz");
		long layers = fixture.item(breaking, "Drone wall: allies agree counter-drone layers on the eastern flank")
			.body("Allies agreed on layered counter-drone defences for the eastern flank, from Poland to Lithuania.")
			.published(now.minus(3, ChronoUnit.DAYS))
			.type("news")
			.insert();
		fixture.mention(layers, poland, "Poland");
		fixture.mention(layers, lithuania, "Lithuania");
	}

}
