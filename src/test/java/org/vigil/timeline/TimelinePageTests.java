package org.vigil.timeline;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
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

/** The timeline page over real HTTP with rows inserted as ingest and tagging would. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "vigil.timeline.page-size=4", "vigil.timeline.facet-cache-ttl=0s",
				"vigil.users.public-timeline=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinePageTests {

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	WebClient web;

	TimelineFixture fixture;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	long poland;

	long k2;

	@BeforeAll
	void insertItems() {
		this.web = new WebClient(this.port);
		this.fixture = new TimelineFixture(this.jdbc);
		long mod = this.fixture.source("pl-mod", "Polish Ministry of Defence", true);
		long media = this.fixture.source("defence24", "Defence24", false);
		this.poland = this.fixture.entity("country", "PL", "Poland");
		this.fixture.alias(this.poland, "Polska");
		long germany = this.fixture.entity("country", "DE", "Germany");
		this.k2 = this.fixture.entity("programme", "k2pl", "K2PL");
		this.fixture.alias(this.k2, "K2 tanks");
		long kosiniak = this.fixture.entity("person", "wladyslaw-kosiniak-kamysz", "Władysław Kosiniak-Kamysz");
		long tanks = this.fixture.item(mod, "Poland signs second K2PL contract")
			.body("Poland and Hyundai Rotem agreed the second K2PL executive contract. Władysław Kosiniak-Kamysz signed it.")
			.published(this.now.minus(2, ChronoUnit.HOURS))
			.insert();
		this.fixture.mention(tanks, this.poland, "Poland");
		this.fixture.mention(tanks, this.k2, "K2PL");
		this.fixture.mention(tanks, kosiniak, "Władysław Kosiniak-Kamysz");
		long sentry = this.fixture.item(media, "Eastern Sentry patrols extended over the Baltic")
			.body("Germany sends more aircraft to Eastern Sentry as the exercise season ends.")
			.published(this.now.minus(1, ChronoUnit.DAYS))
			.type("news")
			.insert();
		this.fixture.mention(sentry, germany, "Germany");
		long dated = this.fixture.item(mod, "Minister's statement on the budget")
			.body("The defence budget for next year reaches 4.8 percent of GDP in Poland.")
			.published(
					LocalDate.ofInstant(this.now, ZoneOffset.UTC).minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant())
			.dateOnly()
			.type("statement")
			.insert();
		this.fixture.mention(dated, this.poland, "Poland");
		for (int i = 0; i < 6; i++) {
			this.fixture.item(media, "Archive report number " + i)
				.body("Older coverage of procurement, report " + i + ".")
				.published(this.now.minus(40 + i, ChronoUnit.DAYS))
				.language("pl")
				.insert();
		}
	}

	@Test
	void showsNewestFirstUnderDayHeadingsWithSourceTypeTimeAndChips() {
		String html = this.web.page("/");
		assertThat(html).contains("<h1>Timeline</h1>");
		String today = LocalDate.ofInstant(this.now.minus(2, ChronoUnit.HOURS), ZoneOffset.UTC)
			.format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH));
		assertThat(html).contains(today);
		assertThat(html.indexOf("Poland signs second K2PL contract"))
			.isLessThan(html.indexOf("Eastern Sentry patrols extended"));
		assertThat(html).contains("Polish Ministry of Defence")
			.contains("Defence24")
			.contains(">Official<")
			.contains(">Media<")
			.contains("Press release");
		assertThat(html).contains("href=\"/entities/country/PL\"")
			.contains("href=\"/entities/programme/k2pl\"")
			.contains("href=\"/entities/person/wladyslaw-kosiniak-kamysz\"");
		assertThat(html).containsPattern("href=\"/items/\\d+\">Poland signs second K2PL contract</a>");
	}

	@Test
	void dateOnlyItemsShowNoInventedTime() {
		String html = this.web.page("/?type=statement");
		String card = html.substring(html.indexOf("<article class=\"card\""), html.indexOf("</article>"));
		assertThat(card).contains("Minister&#39;s statement on the budget")
			.doesNotContain("00:00")
			.doesNotContain("<time");
	}

	@Test
	void olderAndNewerLinksPageByKeysetAndStayPutWhenNewItemsArrive() {
		String first = this.web.page("/");
		String older = link(first, "next");
		assertThat(older).startsWith("/?before=");
		String second = this.web.page(older);
		assertThat(second).doesNotContain("Poland signs second K2PL contract").contains("Archive report number 1");
		long newcomer = this.fixture
			.item(this.fixture.source("pl-mod", "Polish Ministry of Defence", true), "Brand new arrival")
			.body("Just in.")
			.published(this.now.plus(1, ChronoUnit.MINUTES))
			.insert();
		assertThat(newcomer).isPositive();
		assertThat(titles(this.web.page(older))).isEqualTo(titles(second));
		assertThat(this.web.page(older)).doesNotContain("Brand new arrival");
		String newer = link(second, "prev");
		assertThat(newer).startsWith("/?after=");
		assertThat(this.web.page(newer)).contains("Poland signs second K2PL contract")
			.doesNotContain("Brand new arrival");
		this.jdbc.sql("delete from item where id = :id").param("id", newcomer).update();
	}

	@Test
	void filtersByCountryEntityKeyNameOrAliasAndCombinesWithProgramme() {
		for (String value : new String[] { "PL", "pl", "Poland", "Polska" }) {
			String html = this.web.page("/?country=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
			assertThat(html).contains("Poland signs second K2PL contract")
				.contains("Minister&#39;s statement")
				.doesNotContain("Eastern Sentry patrols");
		}
		String both = this.web.page("/?country=PL&programme=k2pl");
		assertThat(both).contains("Poland signs second K2PL contract").doesNotContain("Minister&#39;s statement");
		String either = this.web.page("/?country=PL&country=DE");
		assertThat(either).contains("Eastern Sentry patrols").contains("Poland signs second K2PL contract");
	}

	@Test
	void entityFilteredPagesFollowTheCursor() {
		String cursor = this.jdbc.sql(
				"select (extract(epoch from published_at) * 1000000)::bigint || '-' || id from item where title = :title")
			.param("title", "Poland signs second K2PL contract")
			.query(String.class)
			.single();
		String older = this.web.page("/?country=PL&before=" + cursor);
		assertThat(older).contains("Minister&#39;s statement").doesNotContain("Poland signs second K2PL contract");
		String newer = this.web.page("/?country=PL&after=" + cursor);
		assertThat(newer).doesNotContain("Minister&#39;s statement")
			.doesNotContain("Poland signs second K2PL contract");
	}

	@Test
	void fullTextQueryUsesWebSearchSyntaxAndHighlightsMatches() {
		String html = this.web.page("/?q=" + URLEncoder.encode("\"eastern sentry\" -tanks", StandardCharsets.UTF_8));
		assertThat(html).contains("Eastern Sentry patrols").doesNotContain("Poland signs second K2PL contract");
		assertThat(html).contains("<mark>Eastern</mark>").contains("<h1>Search results</h1>");
		assertThat(this.web.page("/?q=" + URLEncoder.encode("sentry OR hyundai", StandardCharsets.UTF_8)))
			.contains("Eastern Sentry patrols")
			.contains("Poland signs second K2PL contract");
		assertThat(this.web.page("/?q=aircraft&country=PL")).contains("No items match");
	}

	@Test
	void filtersBySourceTypeLanguageAndDates() {
		assertThat(this.web.page("/?source=defence24&lang=pl")).contains("Archive report number 0")
			.doesNotContain("Eastern Sentry patrols");
		assertThat(this.web.page("/?type=news")).contains("Eastern Sentry patrols").doesNotContain("K2PL contract");
		assertThat(this.web.page("/?range=7d")).contains("K2PL contract").doesNotContain("Archive report");
		LocalDate day = LocalDate.ofInstant(this.now.minus(40, ChronoUnit.DAYS), ZoneOffset.UTC);
		assertThat(this.web.page("/?from=" + day + "&to=" + day)).contains("Archive report number 0")
			.doesNotContain("Archive report number 1")
			.doesNotContain("K2PL contract");
	}

	@Test
	void showsFacetCountsForTheCurrentResults() {
		String html = this.web.page("/?country=PL");
		assertThat(html).contains("id=\"total\">2 items<");
		assertThat(html).containsPattern("K2PL</span></a>\\s*<span class=\"count\">1</span>");
		assertThat(html).containsPattern("Poland \\(PL\\)</span></a>\\s*<span class=\"count\">2</span>");
	}

	@Test
	void malformedInputGivesAFriendlyMessageAndAValidPage() {
		assertThat(this.web.page("/?country=XX")).contains("No country called").contains("K2PL contract");
		assertThat(this.web.page("/?from=2026-05-01&to=2026-01-01")).contains("The date range was reversed");
		assertThat(this.web.page("/?from=yesterday")).contains("is not a date");
		assertThat(this.web.page("/?q=" + "a".repeat(500))).contains("longer than 200 characters");
		assertThat(this.web.page("/?q=" + URLEncoder.encode("\"(( -!:& <script>", StandardCharsets.UTF_8)))
			.doesNotContain("<script>");
		assertThat(this.web.page("/?q=" + URLEncoder.encode("&&& !!!", StandardCharsets.UTF_8)))
			.contains("has no words to look for");
		// A NUL is no typing mistake: every endpoint refuses it with 400
		// (MalformedRequestsTest).
		assertThat(this.web.get("/?q=%00abc").statusCode()).isEqualTo(400);
		assertThat(this.web.page("/?before=nonsense")).contains("page position");
		assertThat(this.web.page("/?type=blog&lang=english&source=nope&range=decade&at=soon"))
			.contains("not an item type")
			.contains("not a language code")
			.contains("no source")
			.contains("not a date range preset")
			.contains("not a date to jump to");
		assertThat(this.web.get("/?country=PL&country=PL&person=" + "x".repeat(300)).statusCode()).isEqualTo(200);
	}

	@Test
	void dateJumpShowsItemsUpToThatDay() {
		LocalDate day = LocalDate.ofInstant(this.now.minus(41, ChronoUnit.DAYS), ZoneOffset.UTC);
		String html = this.web.page("/?at=" + day);
		assertThat(html).contains("Archive report number 1").doesNotContain("Archive report number 0");
	}

	@Test
	void autocompleteSuggestsEntitiesByNameAliasOrSimilarity() {
		assertThat(this.web.page("/autocomplete/country?country=Pol")).contains("<option value=\"PL\">Poland</option>");
		assertThat(this.web.page("/autocomplete/country?country=polska")).contains("value=\"PL\"");
		assertThat(this.web.page("/autocomplete/programme?programme=K2%20tank")).contains("value=\"k2pl\"");
		assertThat(this.web.page("/autocomplete/person?person=Kosiniak")).contains("wladyslaw-kosiniak-kamysz");
		assertThat(this.web.page("/autocomplete/nothing?q=x")).doesNotContain("option");
	}

	@Test
	void everyPageCarriesAContentSecurityPolicyWithoutInlineScripts() {
		HttpResponse<String> response = this.web.get("/");
		String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("script-src 'self'").contains("object-src 'none'");
		assertThat(policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src"))))
			.doesNotContain("unsafe");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
	}

	private static java.util.List<String> titles(String html) {
		return Pattern.compile("<h3 class=\"card-title\"><a href=\"[^\"]+\">([^<]+)</a>")
			.matcher(html)
			.results()
			.map((match) -> match.group(1))
			.toList();
	}

	private static String link(String html, String rel) {
		Matcher matcher = Pattern.compile("href=\"([^\"]+)\" rel=\"" + rel + "\"").matcher(html);
		assertThat(matcher.find()).as("a rel=%s link", rel).isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

}
