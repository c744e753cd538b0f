package org.vigil.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.PlaywrightChromium;
import org.vigil.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: an entity page with a year of realistic news (its screenshot is
 * {@code docs/screenshots/entity.png}), and an admin deciding on many new names at once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityAndNamesBrowserTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Value("${local.server.port}")
	int port;

	PlaywrightChromium browser;

	@BeforeAll
	void start() {
		PlaywrightChromium.assumeInstalled();
		TestUsers.admin(this.template, "names-admin@example.org");
		this.browser = PlaywrightChromium.start(this.port);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theEntityPageShowsTheChartWithItsBaselineAMarkedWeekFoldedFormsAndRoles() throws IOException {
		insertAYearOfDefenceMinisterNews();
		Page page = this.browser.page(PlaywrightChromium.DESKTOP);
		this.browser.logIn(page, "names-admin@example.org", TestUsers.PASSWORD);
		page.navigate(this.browser.url("/entities/person/demo-defence-minister"));
		assertThat(page.locator("svg.chart path.baseline").count()).isEqualTo(1);
		assertThat(page.locator("svg.chart rect.bar.marked").count()).isGreaterThanOrEqualTo(1);
		assertThat(page.locator(".aliases-shown").innerText().split(", ")).hasSize(8);
		assertThat(page.locator(".aliases details").isVisible()).isTrue();
		assertThat(page.locator(".aliases details > span").isVisible()).isFalse();
		assertThat(page.locator("table.roles tbody tr").count()).isEqualTo(2);
		assertThat(page.locator("figure.entity-chart figcaption").innerText()).contains("Well above baseline:");
		Path shot = PlaywrightChromium.screenshot(page, "entity");
		Path docs = Path.of("docs", "screenshots");
		if (Files.isDirectory(docs)) {
			Files.copy(shot, docs.resolve("entity.png"), StandardCopyOption.REPLACE_EXISTING);
		}
		page.locator(".aliases summary").click();
		assertThat(page.locator(".aliases details > span").isVisible()).isTrue();
		page.context().close();
	}

	@Test
	void anAdminAcceptsMergesAndRejectsSeveralNamesInOneGo() {
		List<Long> ids = List.of(candidate("Tomasz Nowicki-Lis", 6), candidate("Ewa Sadowska", 4),
				candidate("Markus Ruttee", 3), candidate("Grzegorz Wolny", 2), candidate("Iron Lynx", 1));
		Page page = this.browser.page(PlaywrightChromium.DESKTOP);
		this.browser.logIn(page, "names-admin@example.org", TestUsers.PASSWORD);
		page.navigate(this.browser.url("/admin/candidates"));
		assertThat(page.locator(".candidate h2 label").allInnerTexts()).startsWith("Tomasz Nowicki-Lis", "Ewa Sadowska",
				"Markus Ruttee");
		page.check("#candidate-" + ids.get(0));
		page.check("#candidate-" + ids.get(1));
		page.selectOption("select[name=type]", "person");
		page.click("button[value=accept]");
		assertThat(page.locator("p.message").innerText()).contains("2 names added to the gazetteer");
		assertThat(page.locator("#candidate-" + ids.get(0)).count()).isZero();
		page.check("#candidate-" + ids.get(2));
		page.fill("input[name=entity]", "rutte");
		page.waitForSelector("#entity-options option[value=mark-rutte]", new Page.WaitForSelectorOptions()
			.setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
		page.fill("input[name=entity]", "mark-rutte");
		page.click("button[value=merge]");
		assertThat(page.locator("p.message").innerText()).contains("1 name added as another name of mark-rutte");
		page.check("#candidate-" + ids.get(3));
		page.check("#candidate-" + ids.get(4));
		page.click("button[value=reject]");
		assertThat(page.locator("p.message").innerText()).contains("2 names rejected");
		assertThat(this.jdbc.sql("select status from entity_candidate where id in (:ids) order by id")
			.param("ids", ids)
			.query(String.class)
			.list()).containsExactly("accepted", "accepted", "merged", "rejected", "rejected");
		page.context().close();
	}

	private long candidate(String name, int occurrences) {
		long id = this.jdbc.sql("""
				insert into entity_candidate (name, folded, kind, cue, occurrences)
				values (:name, lower(:name), :kind, 'Minister', :n) returning id""")
			.param("name", name)
			.param("kind", name.startsWith("Iron") ? "programme" : "person")
			.param("n", occurrences)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into entity_candidate_context (candidate_id, context) values (:id, :context)")
			.param("id", id)
			.param("context", "Deputy Minister " + name + " met allied commanders in Warsaw on Tuesday.")
			.update();
		return id;
	}

	/**
	 * A defence minister over a year: two or three items most weeks, a quiet summer, and
	 * a week of a summit three weeks ago with eleven.
	 */
	private void insertAYearOfDefenceMinisterNews() {
		TimelineFixture fixture = new TimelineFixture(this.jdbc);
		long mod = fixture.source("demo-mon", "Ministry of National Defence", true);
		long media = fixture.source("demo-defence24", "Defence24", false);
		long minister = fixture.entity("person", "demo-defence-minister", "Władysław Kosiniak-Kamysz");
		long poland = fixture.entity("country", "PL", "Poland");
		long nato = fixture.entity("organisation", "nato", "NATO");
		for (String alias : List.of("Kosiniak-Kamysz", "Kosiniaka-Kamysza", "Władysław Kosiniak-Kamysz",
				"Kosiniakiem-Kamyszem", "Kosiniakowi-Kamyszowi", "W. Kosiniak-Kamysz", "Władysława Kosiniaka-Kamysza",
				"Władysławem Kosiniakiem-Kamyszem", "Władysławowi Kosiniakowi-Kamyszowi", "WKK", "Kosiniak",
				"wicepremier Kosiniak-Kamysz")) {
			fixture.alias(minister, alias);
		}
		fixture.role(minister, "PL.defence-minister", "Deputy Prime Minister, Minister of National Defence",
				LocalDate.of(2023, 12, 13), null);
		fixture.role(minister, "PL.labour-minister", "Minister of Labour and Social Policy", LocalDate.of(2011, 11, 18),
				LocalDate.of(2015, 11, 16));
		LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		String[] forms = { "Kosiniak-Kamysz", "Kosiniaka-Kamysza", "Kosiniakiem-Kamyszem", "W. Kosiniak-Kamysz" };
		for (int week = 1; week <= 64; week++) {
			boolean summer = week >= 18 && week <= 26;
			int items = (week == 3) ? 11 : summer ? week % 2 : 2 + (week * 7) % 3;
			for (int n = 0; n < items; n++) {
				String form = forms[(week + n) % forms.length];
				Instant published = monday.minusWeeks(week).plusDays(n % 5).atTime(9 + n, 0).toInstant(ZoneOffset.UTC);
				long item = fixture
					.item((n % 2 == 0) ? mod : media,
							(week == 3) ? "NATO summit: " + form + " on the eastern flank (" + (n + 1) + ")"
									: form + " signs a contract for the Polish Army")
					.body(form + " said Poland and NATO allies would strengthen the eastern flank.")
					.published(published)
					.insert();
				fixture.mention(item, minister, form);
				fixture.mention(item, poland, "Poland");
				if (week == 3 || n % 3 == 0) {
					fixture.mention(item, nato, "NATO");
				}
			}
		}
	}

}
