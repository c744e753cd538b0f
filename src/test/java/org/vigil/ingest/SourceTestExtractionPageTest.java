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

import org.vigil.support.MockMvcPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Test extraction on a URL" on {@code /admin/sources/{id}}: the page renders what a
 * dated article gives, fetched from a local site.
 */
@SpringBootTest(properties = { "vigil.ingest.politeness-delay=0s", "vigil.ingest.allow-private-addresses=true" })
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class SourceTestExtractionPageTest {

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
	void aDatedArticleShowsItsTitleDateAndPrecision() throws Exception {
		long nato = this.jdbc.queryForObject("select id from source where key = 'nato'", Long.class);
		String html = MockMvcPages.ok(this.mvc,
				post("/admin/sources/" + nato + "/test").with(csrf())
					.param("url", site.base()
							+ "/nato/en/news-and-events/articles/news/2026/07/07/secretary-general-visits-lithuania"));
		assertThat(html).contains("Secretary General visits Allied troops in Lithuania").contains("2026-07-07 (date)");
	}

	@Test
	void aDatedArticleWithATimeShowsTheInstant() throws Exception {
		long bmvg = this.jdbc.queryForObject("select id from source where key = 'de-bmvg'", Long.class);
		String html = MockMvcPages.ok(this.mvc, post("/admin/sources/" + bmvg + "/test").with(csrf())
			.param("url", site.base() + "/bmvg/de/aktuelles/pistorius-besucht-brigade-5741234"));
		assertThat(html).contains("Pistorius besucht Brigade in Litauen").containsPattern("2026-03-0\\d");
	}

}
