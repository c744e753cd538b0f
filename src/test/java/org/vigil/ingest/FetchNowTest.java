package org.vigil.ingest;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.vigil.support.MockMvcPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Fetch now" on the admin page starts the crawl and returns at once, whatever the
 * source's server does; the page shows the crawl running and then its outcome.
 */
@SpringBootTest(properties = { "vigil.ingest.allow-private-addresses=true", "vigil.ingest.politeness-delay=0s",
		"vigil.ingest.retry-backoff=10ms", "vigil.ingest.request-timeout=5s", "vigil.ingest.source-deadline=3s",
		"vigil.ingest.claim-lease=1s", "vigil.ingest.claim-renewal=250ms" })
@AutoConfigureMockMvc
class FetchNowTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	final AtomicBoolean stopDribbling = new AtomicBoolean();

	FixtureSite site;

	long bmvg;

	@BeforeEach
	void dribblingSource() throws IOException {
		this.site = new FixtureSite();
		this.site.route("/dribble/feed.xml", FixtureSite.dribbling("application/rss+xml", this.stopDribbling));
		this.jdbc.update(
				"update source set urls = ?, crawl_claim = null, crawl_lease_until = null, "
						+ "consecutive_failures = 0, last_error = null, last_outcome = null where key = 'de-bmvg'",
				(Object) List.of(this.site.base() + "/dribble/feed.xml").toArray(String[]::new));
		this.bmvg = this.jdbc.queryForObject("select id from source where key = 'de-bmvg'", Long.class);
	}

	@AfterEach
	void stop() {
		this.stopDribbling.set(true);
		this.site.close();
	}

	@Test
	@Timeout(30)
	@WithMockUser(roles = "ADMIN")
	void fetchNowReturnsAtOnceWhileTheServerDribblesAndThePageShowsTheCrawlThenWhyItFailed() throws Exception {
		long start = System.nanoTime();
		this.mvc.perform(post("/admin/sources/" + this.bmvg + "/fetch").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/sources"))
			.andExpect(flash().attribute("message", containsString("Fetching de-bmvg in the background")));
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("FETCH NOW answered in %.3f s while the source dribbles%n", seconds);
		assertThat(seconds).isLessThan(1.0);

		String page = body(get("/admin/sources"));
		assertThat(page).contains("Crawling since")
			.contains("hx-get=\"/admin/sources/" + this.bmvg + "/crawl\"")
			.contains("hx-trigger=\"every 2s\"");
		this.mvc.perform(post("/admin/sources/" + this.bmvg + "/fetch").with(csrf()))
			.andExpect(flash().attribute("message", containsString("A crawl of de-bmvg is already running")));
		CrawlDeadlineTest.await(() -> body(get("/admin/sources/" + this.bmvg + "/crawl")).contains("0 fetched"));

		CrawlDeadlineTest.await(() -> !body(get("/admin/sources/" + this.bmvg + "/crawl")).contains("Crawling"));
		String cell = body(get("/admin/sources/" + this.bmvg + "/crawl"));
		assertThat(cell).contains("failed: crawl not complete after 3 s").doesNotContain("hx-get");
		assertThat(body(get("/admin/sources"))).contains("crawl not complete after 3 s");
		assertThat(this.jdbc.queryForObject("select consecutive_failures from source where id = ?", Integer.class,
				this.bmvg))
			.isEqualTo(1);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void fetchNowStillNeedsTheFormsCsrfToken() throws Exception {
		this.mvc.perform(post("/admin/sources/" + this.bmvg + "/fetch")).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select crawl_claim is null from source where id = ?", Boolean.class,
				this.bmvg))
			.isTrue();
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void fetchNowAndTheCrawlStateAreForAdminsOnly() throws Exception {
		this.mvc.perform(post("/admin/sources/" + this.bmvg + "/fetch").with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/sources/" + this.bmvg + "/crawl")).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select crawl_claim is null from source where id = ?", Boolean.class,
				this.bmvg))
			.isTrue();
	}

	private String body(org.springframework.test.web.servlet.RequestBuilder request) {
		return MockMvcPages.ok(this.mvc, request);
	}

}
