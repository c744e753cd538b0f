package org.vigil.tagging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.support.MockMvcPages;
import org.vigil.support.WebSlice;

import org.springframework.beans.factory.annotation.Autowired;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /admin/tagging} in a controller slice: the gazetteer's size and version, the
 * re-tag jobs, and the button that queues one; for admins only.
 */
@WebSlice(TaggingAdminController.class)
class TaggingAdminControllerTest {

	private static final Timestamp JULY_7 = Timestamp.from(Instant.parse("2026-07-07T14:05:00Z"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TaggingStatus status;

	@MockitoBean
	GazetteerRepository gazetteer;

	@MockitoBean
	RetagJobs jobs;

	@Test
	@WithMockUser(roles = "ADMIN")
	void pageShowsEntitiesPerTypeTheGazetteerVersionAndHowManyItemsAreStale() throws Exception {
		given(this.status.entityCounts()).willReturn(
				List.of(new TaggingStatus.EntityCount("country", 249), new TaggingStatus.EntityCount("person", 1312)));
		given(this.gazetteer.version()).willReturn(7L);
		given(this.status.staleItems()).willReturn(17L);

		String html = MockMvcPages.ok(this.mvc, get("/admin/tagging"));

		assertThat(html).contains("<strong>7</strong>", "17 items not yet tagged with it.")
			.contains(">country</td>", ">249</td>", ">person</td>", ">1312</td>")
			.contains("No re-tag jobs yet.")
			.contains("Re-tag all items now");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void pageIsRenderedInTheLayoutWithTheAdminNavigation() throws Exception {
		String html = MockMvcPages.ok(this.mvc, get("/admin/tagging"));

		assertThat(html).contains("<title>Tagging · Vigil</title>", "class=\"site-footer\"", "href=\"/admin/users\"");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void pageListsRecentJobsWithTheirProgressAndWhenTheyFinished() throws Exception {
		given(this.jobs.recent())
			.willReturn(List.of(new RetagJobs.Job(3, "gazetteer changed", 7, "running", 200, 50, null, JULY_7, null),
					new RetagJobs.Job(2, "requested by an admin", 6, "done", 100, 100, null, JULY_7, JULY_7)));

		String html = MockMvcPages.ok(this.mvc, get("/admin/tagging"));

		assertThat(html).doesNotContain("No re-tag jobs yet.")
			.contains("gazetteer changed", "running", "50 / 200 (25%)")
			.contains("requested by an admin", "done", "100 / 100 (100%)")
			.contains("datetime=\"2026-07-07T14:05:00Z\"");
		assertThat(html.indexOf("gazetteer changed")).isLessThan(html.indexOf("requested by an admin"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void jobsFragmentIsTheJobTableAloneForPolling() throws Exception {
		given(this.jobs.recent())
			.willReturn(List.of(new RetagJobs.Job(3, "gazetteer changed", 7, "running", 200, 50, null, JULY_7, null)));

		String html = MockMvcPages.ok(this.mvc, get("/admin/tagging/jobs"));

		assertThat(html.strip()).startsWith("<div id=\"jobs\"").endsWith("</div>");
		assertThat(html).contains("gazetteer changed", "50 / 200 (25%)").doesNotContain("<html", "site-footer");
		verifyNoInteractions(this.status, this.gazetteer);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void retagQueuesAJobForTheAdminAndGoesBackToThePage() throws Exception {
		this.mvc.perform(post("/admin/tagging/retag").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/tagging"));

		then(this.jobs).should().enqueue("requested by an admin");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void retagWithoutCsrfTokenIsRefusedAndQueuesNothing() throws Exception {
		this.mvc.perform(post("/admin/tagging/retag")).andExpect(status().isForbidden());

		then(this.jobs).should(never()).enqueue(anyString());
	}

	@Test
	void anonymousVisitorIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/admin/tagging")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));

		verifyNoInteractions(this.status, this.gazetteer, this.jobs);
	}

	@Test
	void analystMayNotSeeThePage() throws Exception {
		this.mvc.perform(get("/admin/tagging").with(user("analyst@example.org").roles("ANALYST")))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.status, this.gazetteer, this.jobs);
	}

	@Test
	void analystMayNotQueueARetag() throws Exception {
		this.mvc.perform(post("/admin/tagging/retag").with(user("analyst@example.org").roles("ANALYST")).with(csrf()))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.jobs);
	}

}
