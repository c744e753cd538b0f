package org.vigil.timeline;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import org.vigil.support.CommandRun;
import org.vigil.support.MockMvcPages;
import org.vigil.support.CommandSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Demo data is a first-class, clearly marked source: every page and command works with
 * it, its items say "Demo", and {@code demo-data --remove} takes it all away.
 */
@SpringBootTest(properties = "vigil.timeline.facet-cache-ttl=1ms")
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
class DemoDataAcrossFeaturesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.datasource.url}")
	String url;

	@Test
	void everyPageAndCommandWorksWithDemoDataAndRemoveTakesItAllAway() throws Exception {
		Map<String, String> database = new HashMap<>(
				Map.of("spring.datasource.url", this.url, "spring.datasource.username", "postgres"));
		try (CommandSession vigil = CommandSession.with(database)) {
			CommandRun demo = vigil.run("demo-data", "--items", "120");
			assertThat(demo.exitCode()).as(demo.err()).isZero();

			long item = this.jdbc.queryForObject(
					"select max(i.id) from item i join source s on s.id = i.source_id where s.key = 'synthetic'",
					Long.class);
			String country = this.jdbc.queryForObject("""
					select e.key from item_entity ie join entity e on e.id = ie.entity_id
					where e.type = 'country' group by e.key order by count(*) desc limit 1
					""", String.class);
			assertThat(page("/")).contains("Demo data (synthetic)").contains(">Demo<").doesNotContain(">Official<");
			assertThat(page("/items/" + item)).contains(">Demo<");
			assertThat(page("/entities/country/" + country)).contains("Demo data (synthetic)");
			assertThat(page("/?source=synthetic")).contains(">Demo<");
			assertThat(page("/admin/sources")).contains("synthetic");

			CommandRun list = vigil.run("source", "list");
			assertThat(list.exitCode()).as(list.err()).isZero();
			assertThat(list.out()).contains("synthetic");
			CommandRun crawl = vigil.run("crawl", "--once", "--source", "synthetic");
			assertThat(crawl.exitCode()).as(crawl.err()).isZero();
			assertThat(crawl.out()).contains("skipped: nothing to crawl (synthetic)");

			CommandRun user = vigil.withInput("a long enough secret\n", "user", "add", "--email", "demo@example.org",
					"--password-stdin");
			assertThat(user.exitCode()).as(user.err()).isZero();
			CommandRun search = vigil.run("search", "add", "--user", "demo@example.org", "--name", "Demo items",
					"--source", "synthetic", "--country", country);
			assertThat(search.exitCode()).as(search.err()).isZero();
			CommandRun searches = vigil.run("search", "list");
			assertThat(searches.exitCode()).as(searches.err()).isZero();
			assertThat(searches.out()).contains("Demo items");

			CommandRun remove = vigil.run("demo-data", "--remove");
			assertThat(remove.exitCode()).as(remove.err()).isZero();
			assertThat(remove.out()).contains("Removed 120 demo items");
			assertThat(this.jdbc.queryForObject("select count(*) from item", Long.class)).isZero();
			assertThat(this.jdbc.queryForObject("select count(*) from item_entity", Long.class)).isZero();
			assertThat(this.jdbc.queryForObject("select count(*) from mention", Long.class)).isZero();
			assertThat(this.jdbc.queryForObject("select count(*) from source where key = 'synthetic'", Long.class))
				.isZero();
			assertThat(page("/")).doesNotContain("Demo data");
			assertThat(page("/admin/sources")).doesNotContain("synthetic");
			CommandRun again = vigil.run("demo-data", "--remove");
			assertThat(again.exitCode()).isZero();
			assertThat(again.out()).contains("There is no demo data.");
			assertThat(vigil.run("demo-data").exitCode()).isEqualTo(2);
		}
	}

	private String page(String path) throws Exception {
		return MockMvcPages.ok(this.mvc, get(path));
	}

}
