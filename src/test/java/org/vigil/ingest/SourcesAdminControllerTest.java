package org.vigil.ingest;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /admin/sources}: status trouble-first, add, disable, fetch now, test extraction.
 */
@SpringBootTest(properties = { "vigil.ingest.politeness-delay=0s", "vigil.ingest.allow-private-addresses=false" })
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class SourcesAdminControllerTest {

	static FixtureSite site;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void start() throws IOException {
		site = new FixtureSite();
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	@Test
	void listsEverySourceWithTroubledOnesFirst() throws Exception {
		this.jdbc.update("update source set consecutive_failures = 3, last_error = 'HTTP 404 Not Found for x' "
				+ "where key = 'ro-mapn'");
		String html = this.mvc.perform(get("/admin/sources"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("NATO", "Defence24", "(media)", "HTTP 404 Not Found for x", "every 30 min");
		assertThat(html.indexOf("data-key=\"ro-mapn\"")).isLessThan(html.indexOf("data-key=\"nato\""));
	}

	@Test
	void addingASourceOnALoopbackAddressIsRefused() throws Exception {
		this.mvc
			.perform(post("/admin/sources").with(csrf())
				.param("name", "Local thing")
				.param("kind", "feed")
				.param("urls", "http://127.0.0.1:9/feed")
				.param("scheduleMinutes", "30")
				.param("official", "true")
				.param("enabled", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("private or loopback")));
		assertThat(this.jdbc.queryForObject("select count(*) from source where key = 'local-thing'", Integer.class))
			.isZero();
	}

	@Test
	void addEditAndDisableASource() throws Exception {
		this.mvc
			.perform(post("/admin/sources").with(csrf())
				.param("name", "Latvia MoD")
				.param("kind", "html-listing")
				.param("urls", "https://www.mod.gov.lv/en/zinas")
				.param("language", "lv")
				.param("titleSelector", "h1")
				.param("remove", ".share\n.related")
				.param("scheduleMinutes", "60")
				.param("official", "true")
				.param("enabled", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(
				this.jdbc.queryForObject("select selectors::text from source where key = 'latvia-mod'", String.class))
			.contains("\"remove\": [\".share\", \".related\"]");
		long id = this.jdbc.queryForObject("select id from source where key = 'latvia-mod'", Long.class);
		this.mvc.perform(get("/admin/sources/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Test extraction on a URL")));
		this.mvc.perform(post("/admin/sources/" + id + "/enabled").with(csrf()).param("enabled", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select enabled from source where id = ?", Boolean.class, id)).isFalse();
	}

	@Test
	void testExtractionShowsWhatAPageGivesAndFetchNowReportsTheCrawl() throws Exception {
		long bmvg = this.jdbc.queryForObject("select id from source where key = 'de-bmvg'", Long.class);
		// A private address is refused here too: tests of the admin page run without the
		// allowance.
		this.mvc
			.perform(post("/admin/sources/" + bmvg + "/test").with(csrf())
				.param("url", site.base() + "/bmvg/de/aktuelles/pistorius-besucht-brigade-5741234"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("private or loopback")));
		this.mvc.perform(post("/admin/sources/" + bmvg + "/fetch").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", containsString("Fetching de-bmvg in the background")));
		CrawlDeadlineTest.await(() -> this.jdbc.queryForObject("select last_error from source where id = ?",
				String.class, bmvg) != null);
		this.mvc.perform(get("/admin/sources/" + bmvg + "/crawl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("failed: ")));
	}

}
