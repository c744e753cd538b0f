package org.vigil.items;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.vigil.support.WebSlice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The item page's publication date form ({@code POST /admin/items/{id}/published}) in a
 * controller slice: admins only, with the CSRF token.
 */
@WebSlice(ItemDateController.class)
class ItemDateControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ItemEdits edits;

	@Test
	@WithMockUser(roles = "ADMIN")
	void aDaySetsThePublicationDateAtMidnightUtcAndGoesBackToTheItem() throws Exception {
		given(this.edits.setPublished(42, Instant.parse("2026-07-07T00:00:00Z"), "date", "2026-07-07"))
			.willReturn(true);

		this.mvc.perform(post("/admin/items/42/published").param("date", " 2026-07-07 ").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/items/42"))
			.andExpect(flash().attribute("message", "Publication date set to 2026-07-07."))
			.andExpect(flash().attributeCount(1));

		then(this.edits).should().setPublished(42, Instant.parse("2026-07-07T00:00:00Z"), "date", "2026-07-07");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void aMomentWithItsOffsetSetsThePublicationTime() throws Exception {
		given(this.edits.setPublished(42, Instant.parse("2026-07-07T12:05:00Z"), "time", "2026-07-07T14:05:00+02:00"))
			.willReturn(true);

		this.mvc.perform(post("/admin/items/42/published").param("date", "2026-07-07T14:05:00+02:00").with(csrf()))
			.andExpect(redirectedUrl("/items/42"))
			.andExpect(flash().attribute("message", "Publication date set to 2026-07-07T14:05:00+02:00."));

		then(this.edits).should()
			.setPublished(42, Instant.parse("2026-07-07T12:05:00Z"), "time", "2026-07-07T14:05:00+02:00");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void anUnparseableDateIsExplainedAndNothingIsSaved() throws Exception {
		this.mvc.perform(post("/admin/items/42/published").param("date", "7 July").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/items/42"))
			.andExpect(flash().attribute("error", startsWith("'7 July' is not a date: give YYYY-MM-DD")))
			.andExpect(flash().attributeCount(1));

		verifyNoInteractions(this.edits);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void aMissingDateIsExplainedAndNothingIsSaved() throws Exception {
		this.mvc.perform(post("/admin/items/42/published").with(csrf()))
			.andExpect(redirectedUrl("/items/42"))
			.andExpect(flash().attribute("error", startsWith("'' is not a date")));

		verifyNoInteractions(this.edits);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void anUnknownItemIsNotFound() throws Exception {
		given(this.edits.setPublished(anyLong(), any(), anyString(), anyString())).willReturn(false);

		this.mvc.perform(post("/admin/items/999/published").param("date", "2026-07-07").with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(flash().attributeCount(0));

		then(this.edits).should().setPublished(999, Instant.parse("2026-07-07T00:00:00Z"), "date", "2026-07-07");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void withoutCsrfTokenTheFormIsRefusedAndNothingIsSaved() throws Exception {
		this.mvc.perform(post("/admin/items/42/published").param("date", "2026-07-07"))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.edits);
	}

	@Test
	void anonymousVisitorIsSentToTheLoginPageAndNothingIsSaved() throws Exception {
		this.mvc.perform(post("/admin/items/42/published").param("date", "2026-07-07").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));

		verifyNoInteractions(this.edits);
	}

	@Test
	void analystMayNotSetADate() throws Exception {
		this.mvc
			.perform(post("/admin/items/42/published").param("date", "2026-07-07")
				.with(user("analyst@example.org").roles("ANALYST"))
				.with(csrf()))
			.andExpect(status().isForbidden());

		verifyNoInteractions(this.edits);
	}

}
