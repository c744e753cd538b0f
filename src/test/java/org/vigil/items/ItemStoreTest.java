package org.vigil.items;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storing items on a real PostgreSQL: one per key, versions, captures, stories, events.
 */
// The same context as SourcesAdminControllerTest and SourceEditConflictTest (properties
// and MockMvc), so one cached context serves them all.
@SpringBootTest(properties = { "vigil.ingest.politeness-delay=0s", "vigil.ingest.allow-private-addresses=false" })
@AutoConfigureMockMvc
@RecordApplicationEvents
class ItemStoreTest {

	@Autowired
	ItemStore store;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	long source(String key) {
		return this.jdbc.queryForObject("select id from source where key = ?", Long.class, key);
	}

	ItemDraft draft(long source, String key, String title, String text) {
		return draft(source, key, title, text, Instant.parse("2026-07-07T00:00:00Z"));
	}

	ItemDraft draft(long source, String key, String title, String text, Instant published) {
		return new ItemDraft(source, key, "https://example.org/" + key, title, "news", "en", null, published, "date",
				"07 July 2026", null, "<p>" + text + "</p>", text, false, null, null,
				new ItemDraft.RawCapture("https://example.org/" + key, Instant.now(), 200, "text/html", "UTF-8",
						("<p>" + text + "</p>").getBytes(), null));
	}

	@Test
	void unchangedContentWritesNothingAndChangedContentKeepsTheEarlierVersion() {
		long nato = source("nato");
		ItemStore.Stored first = this.store.store(draft(nato, "nato:/a", "Title", "First text of the statement."));
		assertThat(first.outcome()).isEqualTo(ItemStore.Outcome.NEW);
		Instant firstSeen = this.jdbc.queryForObject("select first_seen_at from item where id = ?", Instant.class,
				first.itemId());

		ItemStore.Stored again = this.store.store(draft(nato, "nato:/a", "Title", "First text of the statement."));
		assertThat(again).isEqualTo(new ItemStore.Stored(first.itemId(), ItemStore.Outcome.UNCHANGED));
		assertThat(this.jdbc.queryForObject("select count(*) from raw_capture where item_id = ?", Integer.class,
				first.itemId()))
			.isEqualTo(1);

		ItemStore.Stored edited = this.store.store(draft(nato, "nato:/a", "Title", "Edited text of the statement."));
		assertThat(edited).isEqualTo(new ItemStore.Stored(first.itemId(), ItemStore.Outcome.UPDATED));
		assertThat(this.jdbc.queryForObject("select version from item where id = ?", Integer.class, first.itemId()))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select body_text from item_version where item_id = ? and version = 1",
				String.class, first.itemId()))
			.isEqualTo("First text of the statement.");
		assertThat(
				this.jdbc.queryForObject("select first_seen_at from item where id = ?", Instant.class, first.itemId()))
			.isEqualTo(firstSeen);
		assertThat(this.jdbc.queryForObject("select count(*) from raw_capture where item_id = ?", Integer.class,
				first.itemId()))
			.isEqualTo(2);
		assertThat(this.events.stream(ItemStored.class)).containsExactly(new ItemStored(first.itemId(), true),
				new ItemStored(first.itemId(), false));
	}

	@Test
	void theSameStatementFromTwoSourcesBecomesOneStory() {
		String text = "The Secretary General of NATO and the Minister of National Defence of Poland met today in "
				+ "Warsaw to discuss the eastern flank, air defence, support for Ukraine and the investment pledge "
				+ "agreed at the summit in The Hague. ".repeat(2);
		ItemStore.Stored nato = this.store.store(draft(source("nato"), "nato:/b", "Rutte meets Kosiniak-Kamysz", text));
		ItemStore.Stored mon = this.store
			.store(draft(source("pl-mon"), "https://gov.pl/b", "Secretary General in Warsaw", text + " Photo: MON."));
		ItemStore.Stored other = this.store.store(draft(source("defence24"), "https://defence24.pl/c",
				"Something else entirely happened", "A different article about tanks and logistics in Gliwice."));
		Long natoStory = this.jdbc.queryForObject("select story_id from item where id = ?", Long.class, nato.itemId());
		assertThat(natoStory).isNotNull();
		assertThat(this.jdbc.queryForObject("select story_id from item where id = ?", Long.class, mon.itemId()))
			.isEqualTo(natoStory);
		assertThat(this.jdbc.queryForObject("select story_id from item where id = ?", Long.class, other.itemId()))
			.isNull();
		// The same opening months later is another occasion, not the same story.
		ItemStore.Stored later = this.store.store(draft(source("uk-mod"), "https://gov.uk/b", "Ministers met again",
				text, Instant.parse("2026-11-07T00:00:00Z")));
		assertThat(this.jdbc.queryForObject("select story_id from item where id = ?", Long.class, later.itemId()))
			.isNull();
	}

}
