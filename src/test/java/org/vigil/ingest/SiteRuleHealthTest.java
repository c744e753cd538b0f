package org.vigil.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import org.vigil.sources.Selectors;
import org.vigil.sources.Source;
import org.vigil.sources.SourceDeclaration;
import org.vigil.sources.SourceEditor;
import org.vigil.sources.SourceRepository;
import org.vigil.sources.SourceSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A site rule that misses cannot go unnoticed: the page is read by the generic extractor,
 * the item is stored partial with the reason, and {@code /admin/sources} counts the
 * misses among the source's latest pages.
 */
// The same context as SourcesAdminControllerTest and SourceEditConflictTest (properties
// and MockMvc), so one cached context serves them all.
@SpringBootTest(properties = { "vigil.ingest.politeness-delay=0s", "vigil.ingest.allow-private-addresses=false" })
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class SiteRuleHealthTest {

	@Autowired
	Ingestor ingestor;

	@Autowired
	SourceRepository sources;

	@Autowired
	SourceEditor editor;

	@Autowired
	SiteRuleHealth health;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	static String page(int n, boolean newTemplate) {
		String text = ("<p>Ministers agreed today to buy air defence systems together, page " + n + ". </p>").repeat(6);
		return "<html><body><h1>Ministers agree on air defence " + n + "</h1>" + (newTemplate
				? "<div class=\"body\"><a href=\"#\">More…</a></div><div class=\"content-body\">" + text + "</div>"
				: "<div class=\"body\">" + text + "</div>") + "</body></html>";
	}

	@Test
	void aSiteRuleThatMissesMarksItemsPartialWithTheReasonAndShowsOnTheSourcesPage() throws Exception {
		this.editor.put(new SourceDeclaration("rule-health", "Rule health", "feed", true, null, "en",
				List.of("https://example.org/feed.xml"), new Selectors(null, null, "div.body", null, List.of()),
				SourceSettings.of("rule-health", Map.of("zone", "UTC")), 30, true));
		Source source = this.sources.findByKey("rule-health").orElseThrow();
		for (int n = 1; n <= 5; n++) {
			String url = "https://example.org/news/" + n;
			// The site changed its template after the second page.
			Extraction extraction = this.ingestor.extract(source, url, page(n, n > 2).getBytes(StandardCharsets.UTF_8),
					"utf-8", Hints.NONE);
			this.ingestor.store(source, url, extraction, null, null, null);
		}

		List<Map<String, Object>> items = this.jdbc.queryForList(
				"select url, partial, partial_reason, body_text from item where source_id = ? order by url",
				source.id());
		assertThat(items).hasSize(5);
		for (Map<String, Object> item : items) {
			boolean changed = ((String) item.get("url")).compareTo("https://example.org/news/3") >= 0;
			assertThat((String) item.get("body_text")).startsWith("Ministers agreed today");
			assertThat(item.get("partial")).isEqualTo(changed);
			if (changed) {
				assertThat((String) item.get("partial_reason"))
					.startsWith("site rule missed: body 'div.body' matched only link text ('More…')");
			}
			else {
				assertThat(item.get("partial_reason")).isNull();
			}
		}
		assertThat(this.health.misses()).containsEntry(source.id(), "site rule missed on 3 of the last 5 pages");
		String html = this.mvc.perform(get("/admin/sources"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("site rule missed on 3 of the last 5 pages");
	}

}
