package org.vigil.tagging;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigil.support.MockMvcPages;
import org.vigil.support.WebSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /admin/candidates} in a controller slice: new names waiting for review, and the
 * decisions on them (accept as a new entity, merge into an existing one, reject), one at
 * a time or ticked in bulk; for admins only.
 */
@WebSlice(CandidatesAdminController.class)
@WithMockUser(roles = "ADMIN")
class CandidatesAdminControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CandidateReview review;

	@Test
	void pageListsWaitingNamesWithWhereTheyWereSeen() throws Exception {
		given(this.review.waiting(200)).willReturn(List.of(new CandidateReview.Candidate(5, "Jan Nowak", "person",
				"Minister", 3, List.of("… Minister Jan Nowak said on Monday …"))));
		given(this.review.waitingCount()).willReturn(12L);

		String html = MockMvcPages.ok(this.mvc, get("/admin/candidates"));

		assertThat(html).contains("12 names wait for review; 1 shown, the most often seen first.")
			.contains("data-candidate-id=\"5\"", "name=\"ids\" value=\"5\"", "Jan Nowak", "seen in 3 items")
			.contains("person, after “Minister”", "… Minister Jan Nowak said on Monday …")
			.doesNotContain("Nothing waiting for review.");
	}

	@Test
	void pageSaysSoWhenNothingIsWaiting() throws Exception {
		String html = MockMvcPages.ok(this.mvc, get("/admin/candidates"));

		assertThat(html).contains("Nothing waiting for review.").doesNotContain("candidates-form");
	}

	@Test
	void mergeFieldSuggestsExistingEntitiesAsOptions() throws Exception {
		given(this.review.entities("rut", 15))
			.willReturn(List.of(new CandidateReview.EntityOption("mark-rutte", "Mark Rutte", "person")));

		String html = MockMvcPages.ok(this.mvc, get("/admin/candidates/entities").param("entity", "rut"));

		assertThat(html).contains("<option value=\"mark-rutte\">Mark Rutte (person)</option>")
			.doesNotContain("<html", "site-footer");
	}

	@Test
	void acceptingTickedNamesAddsThemAndStartsARetag() throws Exception {
		given(this.review.acceptAll(List.of(5L, 6L), "person")).willReturn(2);

		this.mvc
			.perform(post("/admin/candidates").param("ids", "5", "6")
				.param("action", "accept")
				.param("type", "person")
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/candidates"))
			.andExpect(flash().attribute("message", "2 names added to the gazetteer; items are being re-tagged."));

		then(this.review).should().retag("candidate accepted");
	}

	@Test
	void acceptingNamesAlreadyDecidedStartsNoRetag() throws Exception {
		given(this.review.acceptAll(List.of(5L), "person")).willReturn(0);

		this.mvc.perform(post("/admin/candidates/5/accept").param("type", "person").with(csrf()))
			.andExpect(redirectedUrl("/admin/candidates"))
			.andExpect(flash().attribute("message", "No name was accepted (already decided)."));

		then(this.review).should(never()).retag(anyString());
	}

	@Test
	void acceptingAsATypeThatCannotBeChosenAsksForOne() throws Exception {
		this.mvc
			.perform(post("/admin/candidates").param("ids", "5")
				.param("action", "accept")
				.param("type", "country")
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/candidates"))
			.andExpect(flash().attribute("message", "Choose a type: person, programme or organisation."));

		verifyNoInteractions(this.review);
	}

	@Test
	void decidingWithNothingTickedAsksToTickANameFirst() throws Exception {
		this.mvc.perform(post("/admin/candidates").param("action", "reject").with(csrf()))
			.andExpect(redirectedUrl("/admin/candidates"))
			.andExpect(flash().attribute("message", "Tick at least one name first."));

		verifyNoInteractions(this.review);
	}

	@Test
	void mergingIntoAnExistingEntityAddsAnAliasAndStartsARetag() throws Exception {
		given(this.review.mergeAll(List.of(5L), " mark-rutte ")).willReturn(Optional.of(1));

		this.mvc.perform(post("/admin/candidates/5/merge").param("entity", " mark-rutte ").with(csrf()))
			.andExpect(redirectedUrl("/admin/candidates"))
			.andExpect(flash().attribute("message",
					"1 name added as another name of mark-rutte; items are being re-tagged."));

		then(this.review).should().retag("candidate merged as an alias");
	}

	@Test
	void mergingIntoAnUnknownEntityChangesNothing() throws Exception {
		given(this.review.mergeAll(List.of(5L, 6L), "nobody")).willReturn(Optional.empty());

		this.mvc
			.perform(post("/admin/candidates").param("ids", "5", "6")
				.param("action", "merge")
				.param("entity", "nobody")
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/candidates"))
			.andExpect(flash().attribute("message",
					"No entity has the key or name 'nobody'; use a key such as mark-rutte or a full name."));

		then(this.review).should(never()).retag(anyString());
	}

	@Test
	void rejectingANameSaysSoAndStartsNoRetag() throws Exception {
		given(this.review.rejectAll(List.of(5L))).willReturn(1);

		this.mvc.perform(post("/admin/candidates/5/reject").with(csrf()))
			.andExpect(redirectedUrl("/admin/candidates"))
			.andExpect(flash().attribute("message", "1 name rejected."));

		then(this.review).should().rejectAll(List.of(5L));
		then(this.review).should(never()).retag(anyString());
	}

	@Test
	void anUnknownActionChangesNothing() throws Exception {
		this.mvc.perform(post("/admin/candidates").param("ids", "5").param("action", "delete").with(csrf()))
			.andExpect(redirectedUrl("/admin/candidates"))
			.andExpect(flash().attribute("message", "Choose accept, merge or reject."));

		verifyNoInteractions(this.review);
	}

	@Test
	void aDecisionWithoutCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		this.mvc.perform(post("/admin/candidates/5/reject")).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/candidates").param("ids", "5").param("action", "reject"))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.review);
	}

	@Test
	void analystMayNeitherSeeNorDecide() throws Exception {
		this.mvc.perform(get("/admin/candidates").with(user("analyst@example.org").roles("ANALYST")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/candidates/5/reject").with(user("analyst@example.org").roles("ANALYST")).with(csrf()))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.review);
	}

	@Test
	@WithAnonymousUser
	void anonymousVisitorIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/admin/candidates")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));

		verifyNoInteractions(this.review);
	}

}
