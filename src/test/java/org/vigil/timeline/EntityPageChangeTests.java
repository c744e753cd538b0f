package org.vigil.timeline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

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
 * The entity page shows change: distinct items per week (one long speech is one item),
 * the entity's baseline and the weeks well above it, the most used other names first.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "vigil.users.public-timeline=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityPageChangeTests {

	static final List<String> ALIASES = List.of("Kowalczyk", "J. Kowalczyk", "Jana Kowalczyka", "Janem Kowalczykiem",
			"Janowi Kowalczykowi", "Kowalczyka", "Kowalczykiem", "Kowalczykowi", "Kowalczyku", "Jan K.",
			"minister Kowalczyk");

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	WebClient web;

	LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

	String html;

	@BeforeAll
	void insertAWeekOfNewsAfterAQuietQuarter() {
		this.web = new WebClient(this.port);
		TimelineFixture fixture = new TimelineFixture(this.jdbc);
		long source = fixture.source("mon", "MON", true);
		long minister = fixture.entity("person", "jan-kowalczyk", "Jan Kowalczyk");
		ALIASES.forEach((alias) -> fixture.alias(minister, alias));
		// A quiet quarter: one item a week, three to fourteen weeks ago.
		for (int week = 3; week <= 14; week++) {
			long item = fixture.item(source, "Routine " + week).body("Jana Kowalczyka").published(in(week)).insert();
			mentions(item, minister, "Jana Kowalczyka", 1);
		}
		// Two weeks ago one long speech names him forty times: still one item.
		long speech = fixture.item(source, "Speech").body("Kowalczyk ".repeat(40)).published(in(2)).insert();
		mentions(speech, minister, "Kowalczyk", 40);
		// Last week four items: well above the baseline of one.
		for (int n = 0; n < 4; n++) {
			long item = fixture.item(source, "Visit " + n).body("Kowalczyka").published(in(1)).insert();
			mentions(item, minister, "Kowalczyka", 5);
		}
		this.html = this.web.page("/entities/person/jan-kowalczyk");
	}

	@Test
	void theChartCountsDistinctItemsSoOneLongSpeechCountsOnce() {
		assertThat(this.html).contains(bar(2) + " data-items=\"1\"")
			.contains("17 items in the 53 weeks")
			.doesNotContain("mentions in the");
	}

	@Test
	void theBaselineIsDrawnAndTheWeekWellAboveItIsMarkedAndSaidSo() {
		assertThat(this.html).contains("<path class=\"baseline\" d=\"M0 ")
			.contains(bar(1) + " data-items=\"4\" data-baseline=\"1.0\" data-marked=\"true\"")
			.contains(bar(2) + " data-items=\"1\" data-baseline=\"1.0\" data-marked=\"false\"")
			.contains("class=\"bar marked\"")
			.contains("at least 3 items and at least twice its baseline")
			.contains("Well above baseline: " + date(this.thisWeek.minusWeeks(1)) + ".");
		assertThat(this.html).containsOnlyOnce("class=\"bar marked\"");
		assertThat(this.html).contains("aria-label=\"Jan Kowalczyk: 17 items in the 53 weeks");
	}

	@Test
	void alsoCalledShowsTheEightMostUsedFormsAndFoldsTheRest() {
		String shown = between(this.html, "<span class=\"aliases-shown\">", "</span>");
		assertThat(shown.split(", ")).containsExactly("Kowalczyk", "Kowalczyka", "Jana Kowalczyka", "J. Kowalczyk",
				"Janem Kowalczykiem", "Janowi Kowalczykowi", "Kowalczykiem", "Kowalczykowi");
		assertThat(this.html).contains("<summary>3 more forms</summary>")
			.contains("Kowalczyku, Jan K., minister Kowalczyk");
	}

	private String bar(int weeksAgo) {
		return "data-week=\"" + this.thisWeek.minusWeeks(weeksAgo) + "\"";
	}

	/** Wednesday noon of the week {@code weeksAgo} weeks before this one. */
	private Instant in(int weeksAgo) {
		return this.thisWeek.minusWeeks(weeksAgo).plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
	}

	private void mentions(long item, long entity, String surface, int times) {
		for (int n = 0; n < times; n++) {
			this.jdbc.sql("""
					insert into mention (item_id, entity_id, start_pos, end_pos, surface, confidence, resolved_by)
					values (:item, :entity, :start, :end, :surface, 0.9, 'alias')""")
				.param("item", item)
				.param("entity", entity)
				.param("start", n * 10)
				.param("end", n * 10 + surface.length())
				.param("surface", surface)
				.update();
		}
		this.jdbc.sql("""
				insert into item_entity (item_id, entity_id, published_at, mentions, confidence)
				select id, :entity, published_at, :times, 0.9 from item where id = :item""")
			.param("item", item)
			.param("entity", entity)
			.param("times", times)
			.update();
	}

	private static String between(String text, String from, String to) {
		int start = text.indexOf(from) + from.length();
		return text.substring(start, text.indexOf(to, start));
	}

	/** A date as the entity page writes it for an English reader. */
	private static String date(LocalDate date) {
		return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(date);
	}

}
