package org.vigil.tagging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.items.ItemStored;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Stored items are tagged when ingest says so; mentions keep offsets, surface, confidence
 * and how they were resolved; new names wait for review and, once accepted, are linked by
 * a background re-tag.
 */
// The same context as SourcesAdminControllerTest and SourceEditConflictTest (properties
// and MockMvc), so one cached context serves them all.
@SpringBootTest(properties = { "vigil.ingest.politeness-delay=0s", "vigil.ingest.allow-private-addresses=false" })
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class ItemTaggingTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MockMvc mvc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RetagJobs jobs;

	@Autowired
	GazetteerRepository gazetteer;

	@Test
	void theGazetteerSnapshotLoadsFromTheDatabaseInUnderASecond() {
		new Gazetteer(this.gazetteer.load(), 0);
		long started = System.nanoTime();
		Gazetteer snapshot = new Gazetteer(this.gazetteer.load(), this.gazetteer.version());
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("Gazetteer loaded from PostgreSQL and compiled in " + millis + " ms: "
				+ snapshot.entityCount() + " entities, " + snapshot.patterns.size() + " patterns");
		assertThat(snapshot.entityCount()).isGreaterThan(1400);
		assertThat(millis).isLessThan(1000);
	}

	@Test
	void anItemStoredIsTaggedInTheBackgroundWithMentionsAndItemEntities() throws Exception {
		long item = item("nato-1", "Rutte visits Poland",
				"NATO Secretary General Mark Rutte met soldiers of the Forward Land Forces in Orzysz.\n\n"
						+ "Rutte thanked Poland for hosting F-35 jets.",
				"2025-12-19T10:00:00Z");
		publishStored(item);
		awaitTagged(item);
		List<Map<String, Object>> mentions = this.jdbc.queryForList(
				"""
						select e.name, m.start_pos, m.end_pos, m.in_title, m.surface, m.confidence, m.resolved_by
						from mention m join entity e on e.id = m.entity_id where m.item_id = ? order by m.in_title desc, m.start_pos""",
				item);
		assertThat(mentions).anySatisfy((m) -> {
			assertThat(m).containsEntry("name", "Mark Rutte")
				.containsEntry("in_title", true)
				.containsEntry("surface", "Rutte")
				.containsEntry("start_pos", 0)
				.containsEntry("resolved_by", "surname");
		});
		assertThat(mentions).anySatisfy((m) -> {
			assertThat(m).containsEntry("name", "Mark Rutte")
				.containsEntry("in_title", false)
				.containsEntry("surface", "Mark Rutte")
				.containsEntry("start_pos", 23)
				.containsEntry("end_pos", 33)
				.containsEntry("resolved_by", "alias");
		});
		Map<String, Object> rutte = this.jdbc.queryForMap(
				"""
						select ie.mentions, ie.confidence, ie.published_at from item_entity ie join entity e on e.id = ie.entity_id
						where ie.item_id = ? and e.key = 'mark-rutte'""",
				item);
		assertThat(rutte.get("mentions")).isEqualTo(4);
		assertThat(((Number) rutte.get("confidence")).floatValue()).isEqualTo(1f);
		assertThat(rutte.get("published_at")).isNotNull();
		assertThat(this.jdbc.queryForList(
				"""
						select e.key from item_entity ie join entity e on e.id = ie.entity_id where ie.item_id = ? order by e.key""",
				String.class, item))
			.contains("PL", "nato", "nato-forward-land-forces", "f-35", "mark-rutte");
	}

	@Test
	void aNewNameBecomesACandidateAndAcceptingItLinksTheItemAfterARetag() throws Exception {
		long item = item("mod-1", "Visit to Vilnius",
				"Defence Minister Zygimantas Vaiciulevicius welcomed the Panzerbrigade 45. "
						+ "Exercise Northern Thunderbolt starts on Monday.",
				"2025-05-05T08:00:00Z");
		publishStored(item);
		awaitTagged(item);
		this.mvc.perform(get("/admin/candidates"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Zygimantas Vaiciulevicius")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Northern Thunderbolt")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("welcomed the Panzerbrigade 45")));
		long person = this.jdbc
			.queryForObject("select id from entity_candidate where name = 'Zygimantas Vaiciulevicius'", Long.class);
		long exercise = this.jdbc.queryForObject("select id from entity_candidate where name = 'Northern Thunderbolt'",
				Long.class);
		this.mvc.perform(post("/admin/candidates/{id}/accept", person).with(csrf()).param("type", "person"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/candidates/{id}/reject", exercise).with(csrf()))
			.andExpect(status().is3xxRedirection());
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline) && this.jdbc.queryForObject("""
				select count(*) from item_entity ie join entity e on e.id = ie.entity_id
				where ie.item_id = ? and e.name = 'Zygimantas Vaiciulevicius'""", Integer.class, item) == 0) {
			Thread.sleep(100);
		}
		assertThat(this.jdbc.queryForObject("""
				select count(*) from item_entity ie join entity e on e.id = ie.entity_id
				where ie.item_id = ? and e.name = 'Zygimantas Vaiciulevicius'""", Integer.class, item)).isEqualTo(1);
		assertThat(this.jdbc.queryForList("select status from entity_candidate order by id", String.class))
			.containsExactlyInAnyOrder("accepted", "rejected");
		this.mvc.perform(get("/admin/tagging"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("candidate accepted")));
	}

	@Test
	void mergingACandidateMakesItAnAliasOfTheChosenEntity() throws Exception {
		long candidate = this.jdbc.queryForObject(
				"""
						insert into entity_candidate (name, folded, kind, cue) values ('Markus Rutte', 'markus rutte', 'person', 'Secretary')
						returning id""",
				Long.class);
		this.mvc.perform(post("/admin/candidates/{id}/merge", candidate).with(csrf()).param("entity", "mark-rutte"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("""
				select a.alias from entity_alias a join entity e on e.id = a.entity_id where e.key = 'mark-rutte'""",
				String.class))
			.contains("Markus Rutte");
		this.mvc.perform(post("/admin/candidates/{id}/merge", candidate).with(csrf()).param("entity", "no-such-entity"))
			.andExpect(status().is3xxRedirection());
	}

	private long item(String key, String title, String body, String publishedAt) {
		this.jdbc
			.update("""
					insert into source (key, name, kind) values ('test', 'Test source', 'manual') on conflict (key) do nothing""");
		return this.jdbc.queryForObject(
				"""
						insert into item (source_id, canonical_key, url, title, body_text, published_at, first_seen_at, updated_at, content_hash)
						values ((select id from source where key = 'test'), ?, 'https://example.org/' || ?, ?, ?, ?::timestamptz, now(), now(), 'h')
						returning id""",
				Long.class, key, key, title, body, publishedAt);
	}

	/** As ingest does: in the transaction that stored the item. */
	private void publishStored(long item) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new ItemStored(item, true)));
	}

	private void awaitTagged(long item) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline) && this.jdbc
			.queryForObject("select count(*) from item_tagging where item_id = ?", Integer.class, item) == 0) {
			Thread.sleep(50);
		}
		assertThat(this.jdbc.queryForObject("select count(*) from item_tagging where item_id = ?", Integer.class, item))
			.as("item tagged")
			.isEqualTo(1);
	}

}
