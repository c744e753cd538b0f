package org.vigil.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline's total ("12 items", honestly "More than …" past the cap), the "Best
 * match" and "Newest" orders of a search, and stories gathered on a page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "vigil.timeline.page-size=3", "vigil.timeline.facet-cache-ttl=0s", "vigil.timeline.count-cap=10",
				"vigil.users.public-timeline=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineCountAndOrderTests {

	private static final Pattern TITLE = Pattern.compile("href=\"/items/\\d+\">([^<]+)</a>");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TimelineSearch search;

	@Value("${local.server.port}")
	int port;

	WebClient web;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@BeforeAll
	void insertItems() {
		this.web = new WebClient(this.port);
		TimelineFixture fixture = new TimelineFixture(this.jdbc);
		long nato = fixture.source("nato", "NATO", true);
		long mod = fixture.source("uk-mod", "UK Ministry of Defence", true);
		long media = fixture.source("defence24", "Defence24", false);
		// Title match, three weeks old: relevance beats a fresh passing mention.
		fixture.item(nato, "Drone wall: allies agree counter-drone layers on the eastern flank")
			.body("Allies agreed to build a drone wall of sensors and interceptors along the eastern flank.")
			.published(this.now.minus(21, ChronoUnit.DAYS))
			.insert();
		fixture.item(media, "Budget committee reviews the procurement plan")
			.body("The committee reviewed the plan. Among forty lines of spending, one buys a drone for the navy.")
			.published(this.now.minus(1, ChronoUnit.HOURS))
			.insert();
		fixture.item(mod, "Army trials a new radar")
			.body("The radar was tested against a small drone at the range.")
			.published(this.now.minus(3, ChronoUnit.DAYS))
			.insert();
		fixture.item(media, "Defence industry fair opens in Kielce")
			.body("Exhibitors show armoured vehicles, a drone and artillery.")
			.published(this.now.minus(10, ChronoUnit.DAYS))
			.insert();
		// One meeting reported by three sources, linked into a story as ingest does.
		long story = fixture.story();
		fixture.item(nato, "Defence ministers meet in Brussels")
			.body("Ministers met at NATO headquarters.")
			.published(this.now.plus(3, ChronoUnit.MINUTES))
			.story(story)
			.insert();
		fixture.item(mod, "Defence Secretary at the NATO ministerial")
			.body("The Defence Secretary met allies in Brussels.")
			.published(this.now.plus(2, ChronoUnit.MINUTES))
			.story(story)
			.insert();
		fixture.item(media, "NATO ministers agree on air defence")
			.body("Ministers in Brussels agreed on air defence.")
			.published(this.now.plus(1, ChronoUnit.MINUTES))
			.story(story)
			.insert();
		for (int i = 0; i < 9; i++) {
			fixture.item(media, "Shipyard report " + i)
				.body("Frigate construction continues, part " + i + ".")
				.published(this.now.minus(30 + i, ChronoUnit.DAYS))
				.insert();
		}
	}

	@Test
	void totalIsExactUpToTheCapAndSaysMoreBeyondIt() {
		assertThat(this.web.page("/?source=nato&q=drone")).contains("id=\"total\">1 item<");
		assertThat(this.web.page("/?q=drone")).contains("id=\"total\">4 items<");
		assertThat(this.web.page("/?q=nothing-like-this")).contains("id=\"total\">No items<");
		// 16 items, the cap is 10.
		assertThat(this.web.page("/")).contains("id=\"total\">More than 10 items<");
	}

	@Test
	void aSearchIsBestMatchFirstUnlessNewestIsAsked() {
		List<String> best = titles(this.web.page("/?q=drone"));
		assertThat(best).first().asString().startsWith("Drone wall");
		List<String> newest = titles(this.web.page("/?q=drone&sort=new"));
		assertThat(newest).containsExactly("Budget committee reviews the procurement plan", "Army trials a new radar",
				"Defence industry fair opens in Kielce");
		assertThat(this.web.page("/?q=drone&sort=new")).contains("aria-current=\"true\">Newest</a>")
			.containsPattern("href=\"/\\?q=drone&amp;sort=best\"[^>]*>Best match</a>");
		// Without a query there is only one order, and no sort links.
		assertThat(this.web.page("/?sort=best")).doesNotContain(">Best match<");
	}

	@Test
	void bestMatchPagesCoverEveryMatchOnce() {
		String first = this.web.page("/?q=drone");
		Matcher older = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
		assertThat(older.find()).isTrue();
		String next = older.group(1).replace("&amp;", "&");
		assertThat(next).contains("rank=3");
		List<String> all = new ArrayList<>(titles(first));
		all.addAll(titles(this.web.page(next)));
		assertThat(all).hasSize(4)
			.doesNotHaveDuplicates()
			.contains("Budget committee reviews the procurement plan", "Army trials a new radar");
	}

	@Test
	void aSavedSearchKeepsItsOrder() {
		assertThat(this.search.check("q=drone&sort=new").parameters()).isEqualTo("q=drone&sort=new");
		assertThat(this.search.check("country=&sort=new").parameters()).isEmpty();
	}

	@Test
	void itemsOfOneStoryFromOtherSourcesAreGatheredUnderTheFirst() {
		String html = this.web.page("/?q=brussels&sort=new");
		assertThat(html).contains("Also from UK Ministry of Defence, Defence24");
		int storyStart = html.indexOf("<div class=\"story grouped\">");
		int storyEnd = html.indexOf("</details>", storyStart);
		assertThat(titles(html.substring(storyStart, storyEnd))).containsExactly("Defence ministers meet in Brussels",
				"Defence Secretary at the NATO ministerial", "NATO ministers agree on air defence");
	}

	private static List<String> titles(String html) {
		List<String> titles = new ArrayList<>();
		Matcher matcher = TITLE.matcher(html);
		while (matcher.find()) {
			titles.add(matcher.group(1).replace("&#39;", "'"));
		}
		return titles;
	}

}
