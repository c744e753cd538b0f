package org.vigil.ingest;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.vigil.sources.Source;
import org.vigil.sources.SourceChangedException;
import org.vigil.sources.SourceDeclaration;
import org.vigil.sources.SourceEditor;
import org.vigil.sources.SourceRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Two admins editing one source: the edit saved second was made on a version that no
 * longer exists, so it is refused with a message to reload, and the first edit stays. A
 * wrong setting on the edit form is refused naming the source and the setting. A crawl
 * finishing in between never makes an admin's edit stale.
 */
@SpringBootTest(properties = { "vigil.ingest.politeness-delay=0s", "vigil.ingest.allow-private-addresses=false" })
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class SourceEditConflictTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SourceRepository sources;

	@Autowired
	SourceEditor editor;

	@Test
	void anEditOfASourceSomeoneElseChangedMeanwhileIsRefusedAndTheirChangeStays() throws Exception {
		Source source = listing("edit-conflict");
		long id = source.id();
		long version = source.version();
		this.mvc.perform(get("/admin/sources/" + id))
			.andExpect(content().string(containsString("name=\"version\" value=\"" + version + "\"")));
		// The crawl records its outcome meanwhile: not an edit.
		this.jdbc.update("update source set last_error = 'HTTP 503', consecutive_failures = 1 where id = ?", id);

		this.mvc.perform(edit("edit-conflict", version).param("bodySelector", "article .first-admin"))
			.andExpect(redirectedUrl("/admin/sources/" + id))
			.andExpect(flash().attribute("message", "Source edit-conflict saved."));
		this.mvc.perform(edit("edit-conflict", version).param("bodySelector", "article .second-admin"))
			.andExpect(redirectedUrl("/admin/sources/" + id))
			.andExpect(flash().attribute("error",
					"Source edit-conflict was changed by someone else; reload it and make your change again."));

		assertThat(this.jdbc.queryForObject("select selectors ->> 'body' from source where id = ?", String.class, id))
			.isEqualTo("article .first-admin");
		assertThat(this.sources.findById(id).orElseThrow().version()).isEqualTo(version + 1);
		assertThatThrownBy(() -> this.editor.edit(id, version, this.sources.findById(id).orElseThrow().declaration()))
			.isInstanceOf(SourceChangedException.class);
	}

	@Test
	void aWrongSettingOnTheEditFormIsRefusedNamingTheSourceAndTheSetting() throws Exception {
		Source source = listing("edit-settings");
		long id = source.id();
		long version = source.version();
		this.mvc
			.perform(edit("edit-settings", version).param("settings",
					"zone: Europe/Bucharest\nitem_link_pattern: /cpresa/(\\d+"))
			.andExpect(redirectedUrl("/admin/sources/" + id))
			.andExpect(flash().attribute("error", containsString("source edit-settings: setting item_link_pattern")));
		this.mvc.perform(edit("edit-settings", version).param("settings", "zone: Europe/Bucharest\nitem_links: a.news"))
			.andExpect(flash().attribute("message", "Source edit-settings saved."));
		assertThat(this.sources.findById(id).orElseThrow().settings().itemLinks()).isEqualTo("a.news");
		assertThat(this.sources.findById(id).orElseThrow().settings().itemLinkPattern()).isNull();
	}

	/**
	 * A listing of its own, so that the shared context's shipped sources stay as shipped.
	 */
	Source listing(String key) {
		return this.editor.put(new SourceDeclaration(key, "Ministry", "html-listing", true, "PL", "pl",
				List.of("https://www.gov.pl/web/obrona-narodowa/aktualnosci"), null, null, 30, true));
	}

	MockHttpServletRequestBuilder edit(String key, long version) {
		return post("/admin/sources").with(csrf())
			.param("key", key)
			.param("version", String.valueOf(version))
			.param("name", "Edited " + key)
			.param("kind", "html-listing")
			.param("urls", "https://www.gov.pl/web/obrona-narodowa/aktualnosci")
			.param("language", "pl")
			.param("scheduleMinutes", "30")
			.param("official", "true")
			.param("enabled", "true");
	}

}
