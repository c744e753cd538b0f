package org.vigil.tagging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.support.MockMvcPages;
import org.vigil.items.ItemStored;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The new-names queue: junk is never proposed, each name comes with its count and two
 * sentences, the most often seen first, and many are decided at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class CandidateQueueTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void taggingAnItemProposesTheRealNameAndNotTheJunkAroundIt() throws Exception {
		long item = item("junk-1", "Allied forces conclude exercise",
				"During the two-week drill, during which troops crossed the river, the operation The ministry "
						+ "planned went well. Defence Minister Speaking During The Conference. "
						+ "Deputy Minister Tomasz Wierzbicki-Lis visited the troops.");
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new ItemStored(item, true)));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline) && this.jdbc
			.queryForObject("select count(*) from item_tagging where item_id = ?", Integer.class, item) == 0) {
			Thread.sleep(50);
		}
		assertThat(this.jdbc.queryForList("""
				select c.name from entity_candidate c join entity_candidate_context x on x.candidate_id = c.id
				where x.item_id = ?""", String.class, item)).containsExactly("Tomasz Wierzbicki-Lis");
		assertThat(this.jdbc.queryForList("select context from entity_candidate_context where item_id = ?",
				String.class, item))
			.containsExactly("Deputy Minister Tomasz Wierzbicki-Lis visited the troops.");
	}

	@Test
	void eachNameWithItsCountAndTwoSentencesTheMostOftenSeenFirst() throws Exception {
		long rare = candidate("Anna Rzadka", "person", 1);
		long common = candidate("Iron Wolf", "programme", 9);
		long middle = candidate("Jan Srodek", "person", 5);
		context(middle, "First sentence about Jan Srodek.");
		context(middle, "Second sentence about Jan Srodek.");
		context(middle, "Third sentence about Jan Srodek.");
		String page = MockMvcPages.ok(this.mvc, get("/admin/candidates"));
		assertThat(page).contains("seen in 9 items", "seen in 5 items", "seen in 1 item<")
			.contains("Third sentence about Jan Srodek.", "Second sentence about Jan Srodek.")
			.doesNotContain("First sentence about Jan Srodek.")
			.contains("name=\"ids\" value=\"" + rare + "\"")
			.contains("name=\"_csrf\"");
		assertThat(page.indexOf("Iron Wolf")).isLessThan(page.indexOf("Jan Srodek"));
		assertThat(page.indexOf("Jan Srodek")).isLessThan(page.indexOf("Anna Rzadka"));
		reject(List.of(rare, common, middle));
	}

	@Test
	void manyNamesAreAcceptedRejectedOrMergedAtOnce() throws Exception {
		long first = candidate("Ewa Pierwsza", "person", 2);
		long second = candidate("Ewa Druga", "person", 2);
		long junk = candidate("Nothing Special", "programme", 1);
		long other = candidate("Markus Ruttee", "person", 3);
		long another = candidate("M. Ruttee", "person", 1);
		this.mvc
			.perform(post("/admin/candidates").with(csrf())
				.param("ids", Long.toString(first), Long.toString(second))
				.param("action", "accept")
				.param("type", "person"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", containsString("2 names added to the gazetteer")));
		assertThat(
				this.jdbc.queryForList("select name from entity where name like 'Ewa %' order by name", String.class))
			.containsExactly("Ewa Druga", "Ewa Pierwsza");
		decide(junk, "reject", "1 name rejected");
		this.mvc
			.perform(post("/admin/candidates").with(csrf())
				.param("ids", Long.toString(other), Long.toString(another))
				.param("action", "merge")
				.param("entity", "mark-rutte"))
			.andExpect(flash().attribute("message", containsString("2 names added as other names of mark-rutte")));
		assertThat(this.jdbc.queryForList("""
				select a.alias from entity_alias a join entity e on e.id = a.entity_id where e.key = 'mark-rutte'""",
				String.class))
			.contains("Markus Ruttee", "M. Ruttee");
		assertThat(statuses(first, second, junk, other, another)).containsExactly("accepted", "accepted", "rejected",
				"merged", "merged");
		// Posting again decides nothing twice.
		decide(junk, "reject", "No name was rejected (already decided)");
		this.mvc
			.perform(post("/admin/candidates").with(csrf())
				.param("ids", Long.toString(first))
				.param("action", "accept")
				.param("type", "person"))
			.andExpect(flash().attribute("message", containsString("No name was accepted")));
		assertThat(this.jdbc.queryForObject("select count(*) from entity where name = 'Ewa Pierwsza'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void clearMessagesWhenNothingIsTickedOrTheEntityIsUnknown() throws Exception {
		long waiting = candidate("Piotr Czekajacy", "person", 1);
		this.mvc.perform(post("/admin/candidates").with(csrf()).param("action", "reject"))
			.andExpect(flash().attribute("message", "Tick at least one name first."));
		this.mvc
			.perform(post("/admin/candidates").with(csrf())
				.param("ids", Long.toString(waiting))
				.param("action", "merge")
				.param("entity", "no-such-entity"))
			.andExpect(flash().attribute("message", containsString("No entity has the key or name 'no-such-entity'")));
		this.mvc
			.perform(post("/admin/candidates").with(csrf())
				.param("ids", Long.toString(waiting))
				.param("action", "accept")
				.param("type", "planet"))
			.andExpect(flash().attribute("message", containsString("Choose a type")));
		assertThat(statuses(waiting)).containsExactly("new");
		this.mvc.perform(post("/admin/candidates").param("ids", Long.toString(waiting)).param("action", "reject"))
			.andExpect(status().isForbidden());
		reject(List.of(waiting));
	}

	@Test
	void theMergeFieldSuggestsExistingEntities() throws Exception {
		this.mvc.perform(get("/admin/candidates/entities").param("entity", "rutte"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"mark-rutte\">Mark Rutte (person)</option>")));
		this.mvc.perform(get("/admin/candidates/entities").param("entity", "r"))
			.andExpect(content().string(not(containsString("<option"))));
	}

	@Test
	void waitingJunkFoundBeforeAStopWordWasListedIsDroppedOnRefresh() {
		long junk = candidate("During", "programme", 4);
		long decided = candidate("The Hague Talks", "programme", 1);
		this.jdbc.update("update entity_candidate set status = 'rejected' where id = ?", decided);
		long real = candidate("Bogdan Prawdziwy", "person", 1);
		assertThat(CandidateStopWordsRefresh.drop(this.jdbc, StopWords.shipped())).isEqualTo(1);
		assertThat(this.jdbc.queryForList("select id from entity_candidate where id in (?, ?, ?) order by id",
				Long.class, junk, decided, real))
			.containsExactly(decided, real);
		reject(List.of(real));
	}

	private void decide(long id, String action, String message) throws Exception {
		this.mvc.perform(post("/admin/candidates").with(csrf()).param("ids", Long.toString(id)).param("action", action))
			.andExpect(flash().attribute("message", containsString(message)));
	}

	private void reject(List<Long> ids) {
		ids.forEach((id) -> this.jdbc.update("update entity_candidate set status = 'rejected' where id = ?", id));
	}

	private List<String> statuses(Long... ids) {
		return java.util.Arrays.stream(ids)
			.map((id) -> this.jdbc.queryForObject("select status from entity_candidate where id = ?", String.class, id))
			.toList();
	}

	private long candidate(String name, String kind, int occurrences) {
		return this.jdbc.queryForObject(
				"""
						insert into entity_candidate (name, folded, kind, cue, occurrences) values (?, lower(?), ?, 'Minister', ?)
						returning id""",
				Long.class, name, name, kind, occurrences);
	}

	private void context(long candidate, String sentence) {
		this.jdbc.update("insert into entity_candidate_context (candidate_id, context) values (?, ?)", candidate,
				sentence);
	}

	private long item(String key, String title, String body) {
		this.jdbc.update(
				"insert into source (key, name, kind) values ('test', 'Test source', 'manual') on conflict (key) do nothing");
		return this.jdbc.queryForObject(
				"""
						insert into item (source_id, canonical_key, url, title, body_text, published_at, first_seen_at, updated_at, content_hash)
						values ((select id from source where key = 'test'), ?, 'https://example.org/' || ?, ?, ?, now(), now(), now(), 'h')
						returning id""",
				Long.class, key, key, title, body);
	}

}
