package org.vigil.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The item and entity pages over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "vigil.timeline.facet-cap=500", "vigil.users.public-timeline=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemAndEntityPageTests {

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	WebClient web;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	long statement;

	long coverage;

	long hostile;

	@BeforeAll
	void insertItems() {
		this.web = new WebClient(this.port);
		TimelineFixture fixture = new TimelineFixture(this.jdbc);
		long nato = fixture.source("nato", "NATO", true);
		long media = fixture.source("defence24", "Defence24", false);
		long poland = fixture.entity("country", "PL", "Poland");
		long sentry = fixture.entity("programme", "eastern-sentry", "Eastern Sentry");
		fixture.alias(sentry, "Operation Eastern Sentry");
		long rutte = fixture.entity("person", "mark-rutte", "Mark Rutte");
		fixture.alias(rutte, "Rutte");
		fixture.role(rutte, "NATO.secretary-general", "NATO Secretary General", LocalDate.of(2024, 10, 1), null);
		fixture.role(rutte, "NL.prime-minister", "Prime Minister of the Netherlands", LocalDate.of(2010, 10, 14),
				LocalDate.of(2024, 7, 2));
		long story = fixture.story();
		this.statement = fixture.item(nato, "NATO launches Eastern Sentry")
			.body("Secretary General Mark Rutte announced Eastern Sentry today.\n\nPoland welcomed the decision.")
			.published(this.now.minus(3, ChronoUnit.DAYS))
			.author("NATO Press Office")
			.story(story)
			.insert();
		fixture.mention(this.statement, rutte, "Mark Rutte");
		fixture.mention(this.statement, sentry, "Eastern Sentry");
		fixture.mention(this.statement, poland, "Poland");
		fixture.version(this.statement, 1, "NATO to launch Eastern Sentry",
				"Secretary General Mark Rutte will announce a new activity.\n\nPoland welcomed the decision.",
				this.now.minus(4, ChronoUnit.DAYS), this.now.minus(3, ChronoUnit.DAYS));
		this.coverage = fixture.item(media, "Eastern Sentry: what Poland gets")
			.body("Poland gets more air defence under Eastern Sentry.")
			.published(this.now.minus(2, ChronoUnit.DAYS))
			.type("news")
			.story(story)
			.insert();
		fixture.mention(this.coverage, poland, "Poland");
		fixture.mention(this.coverage, sentry, "Eastern Sentry");
		this.hostile = fixture.item(media, "Hostile <script>alert('title')</script> page")
			.html("<p>Hello<script>alert(1)</script><img src=x onerror=\"alert(2)\">"
					+ "<a href=\"javascript:alert(3)\">click me</a><iframe src=\"https://evil.example\"></iframe></p>")
			.body("Hello <script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) Poland")
			.published(this.now.minus(1, ChronoUnit.DAYS))
			.insert();
		fixture.mention(this.hostile, poland, "Poland");
	}

	@Test
	void itemPageShowsMetadataAndLinksMentionsToEntityPages() {
		String html = this.web.page("/items/" + this.statement);
		assertThat(html).contains("<h1>NATO launches Eastern Sentry</h1>")
			.contains("NATO Press Office")
			.contains("First seen")
			.contains(">Official<")
			.contains(">Original</a>");
		assertThat(html)
			.contains("<a class=\"mention\" href=\"/entities/person/mark-rutte\" title=\"Mark Rutte\">Mark Rutte</a>")
			.contains("href=\"/entities/programme/eastern-sentry\"")
			.contains("<a class=\"mention\" href=\"/entities/country/PL\" title=\"Poland\">Poland</a> welcomed");
	}

	@Test
	void itemPageShowsEarlierVersionsWithADiff() {
		String html = this.web.page("/items/" + this.statement);
		assertThat(html).contains("Earlier versions")
			.contains("Version 1")
			.contains("Title then: NATO to launch Eastern Sentry");
		assertThat(html).contains("<del>will announce a new activity.")
			.contains("<ins>announced Eastern Sentry today.");
	}

	@Test
	void itemPageListsOtherSourcesOfTheStoryAndRelatedItems() {
		String html = this.web.page("/items/" + this.statement);
		assertThat(html).contains("Other sources of this story").contains("Eastern Sentry: what Poland gets");
		assertThat(html).contains("Related items").contains("(2 shared)");
	}

	@Test
	void scrapedScriptsHandlersAndJavascriptLinksRenderInert() {
		String html = this.web.page("/items/" + this.hostile);
		assertThat(html).doesNotContain("<script>alert")
			.doesNotContain("onerror=\"")
			.doesNotContain("javascript:alert(3)\"")
			.doesNotContain("<iframe");
		assertThat(html).contains("Hostile &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; page")
			.contains("click me");
		assertThat(this.web.page("/")).doesNotContain("<script>alert");
	}

	@Test
	void unknownOrMalformedItemIsAFriendlyNotFound() {
		assertThat(this.web.get("/items/999999999").statusCode()).isEqualTo(404);
		assertThat(this.web.get("/items/abc").statusCode()).isEqualTo(404);
		assertThat(this.web.get("/items/999999999").body()).contains("Page not found");
	}

	@Test
	void entityPageShowsNameAliasesRolesChartCompanyAndTimelineLink() {
		String html = this.web.page("/entities/person/mark-rutte");
		assertThat(html).contains("Mark Rutte")
			.contains("Rutte")
			.contains("NATO Secretary General")
			.contains("<td>1 Oct 2024</td>")
			.contains("Prime Minister of the Netherlands")
			.contains("<td>14 Oct 2010</td>")
			.contains("2 Jul 2024");
		assertThat(html).contains("<svg class=\"chart\"")
			.contains("<rect class=\"bar\"")
			.contains("1 item in the 53 weeks");
		assertThat(html).contains("href=\"/?person=mark-rutte\"");
		String poland = this.web.page("/entities/country/PL");
		assertThat(poland).contains("Mentioned with")
			.contains("Eastern Sentry (2)")
			.contains("3 items in the 53 weeks");
		assertThat(this.web.page("/entities/country/pl")).contains("<h1><span>Poland</span>");
	}

	@Test
	void unknownEntityIsAFriendlyNotFound() {
		assertThat(this.web.get("/entities/country/XX").statusCode()).isEqualTo(404);
		assertThat(this.web.get("/entities/planet/mars").statusCode()).isEqualTo(404);
	}

}
