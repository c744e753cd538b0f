package org.vigil.ingest;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.vigil.sources.Selectors;
import org.vigil.sources.Source;
import org.vigil.sources.SourceDeclaration;
import org.vigil.sources.SourceRepository;
import org.vigil.sources.UrlPolicy;

/**
 * {@code /admin/sources}: every source with its status, trouble first; add, edit,
 * disable, fetch now, and test extraction on a URL.
 */
@Controller
@RequestMapping("/admin/sources")
class SourcesAdminController {

	/** One row of the list. */
	record Row(Source source, long items, boolean troubled) {

	}

	/** The add/edit form, as text fields. */
	// Serializable: a rejected form travels to the next page as a flash attribute, in the
	// session, which is stored in PostgreSQL.
	record Form(String key, String name, String kind, String urls, String language, String country, boolean official,
			boolean enabled, int scheduleMinutes, String titleSelector, String dateSelector, String bodySelector,
			String authorSelector, String remove) implements java.io.Serializable {

		static Form empty() {
			return new Form("", "", "feed", "", "", "", true, true, 30, "", "", "", "", "");
		}

		static Form of(Source source) {
			SourceDeclaration d = source.declaration();
			Selectors s = d.selectors();
			return new Form(d.key(), d.name(), d.kind(), String.join("\n", d.urls()), blank(d.language()),
					blank(d.country()), d.official(), d.enabled(), d.scheduleMinutes(), blank(s.title()),
					blank(s.date()), blank(s.body()), blank(s.author()), String.join("\n", s.remove()));
		}

		private static String blank(String value) {
			return (value != null) ? value : "";
		}

	}

	private final SourceRepository sources;

	private final JdbcTemplate jdbc;

	private final UrlPolicy urls;

	private final Crawler crawler;

	private final Fetcher fetcher;

	private final Clock clock;

	SourcesAdminController(SourceRepository sources, JdbcTemplate jdbc, UrlPolicy urls, Crawler crawler,
			Fetcher fetcher, Clock clock) {
		this.sources = sources;
		this.jdbc = jdbc;
		this.urls = urls;
		this.crawler = crawler;
		this.fetcher = fetcher;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query("select source_id, count(*) from item group by source_id", rs -> {
			counts.put(rs.getLong(1), rs.getLong(2));
		});
		List<Row> rows = this.sources.findAll()
			.stream()
			.map(source -> new Row(source, counts.getOrDefault(source.id(), 0L),
					source.consecutiveFailures() > 0 || source.lastError() != null))
			.sorted(Comparator.comparing((Row row) -> !row.troubled())
				.thenComparing(row -> -row.source().consecutiveFailures())
				.thenComparing(row -> !row.source().enabled())
				.thenComparing(row -> row.source().key()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("now", this.clock.instant());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Form.empty());
		}
		return "admin/sources";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Source source = this.sources.findById(id).orElseThrow(() -> new NotFound("no source " + id));
		model.addAttribute("source", source);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Form.of(source));
		}
		return "admin/source";
	}

	@PostMapping
	String save(Form form, RedirectAttributes redirect) {
		try {
			List<String> list = Arrays.stream(String.valueOf(form.urls()).split("\\R"))
				.map(String::strip)
				.filter(u -> !u.isEmpty())
				.toList();
			if (list.isEmpty()) {
				throw new IllegalArgumentException("at least one URL is required");
			}
			list.forEach(this.urls::check);
			String key = (form.key() == null || form.key().isBlank()) ? String.valueOf(form.name())
				.toLowerCase(java.util.Locale.ROOT)
				.replaceAll("[^a-z0-9]+", "-")
				.replaceAll("^-|-$", "") : form.key().strip();
			Map<String, Object> settings = new LinkedHashMap<>(
					this.sources.findByKey(key).map(Source::settings).orElse(Map.of()));
			SourceDeclaration declaration = new SourceDeclaration(key, nullIfBlank(form.name()), form.kind(),
					form.official(), nullIfBlank(form.country()), nullIfBlank(form
						.language()),
					list,
					new Selectors(nullIfBlank(form.titleSelector()), nullIfBlank(form.dateSelector()),
							nullIfBlank(form.bodySelector()), nullIfBlank(form.authorSelector()),
							Arrays
								.stream(String.valueOf(nullIfBlank(form.remove()) != null ? form.remove() : "")
									.split("\\R"))
								.map(String::strip)
								.filter(r -> !r.isEmpty())
								.toList()),
					settings, form.scheduleMinutes(), form.enabled());
			long id = this.sources.save(declaration);
			redirect.addFlashAttribute("message", "Source " + key + " saved.");
			return "redirect:/admin/sources/" + id;
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("form", form);
			return "redirect:/admin/sources";
		}
	}

	@PostMapping("/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		this.sources.setEnabled(id, enabled);
		redirect.addFlashAttribute("message", enabled ? "Source enabled." : "Source disabled.");
		return "redirect:/admin/sources";
	}

	@PostMapping("/{id}/fetch")
	String fetchNow(@PathVariable long id, RedirectAttributes redirect) {
		Source source = this.sources.findById(id).orElseThrow(() -> new NotFound("no source " + id));
		Crawler.Summary summary = this.crawler.crawl(source);
		redirect.addFlashAttribute("message",
				"Fetched " + source.key() + ": " + summary.fetched() + " fetched, " + summary.created() + " new, "
						+ summary.updated() + " updated, " + summary.unchanged() + " unchanged, " + summary.failed()
						+ " failed" + ((summary.error() != null) ? " — " + summary.error() : ""));
		return "redirect:/admin/sources";
	}

	@PostMapping("/{id}/test")
	String testExtraction(@PathVariable long id, @RequestParam String url, Model model) {
		Source source = this.sources.findById(id).orElseThrow(() -> new NotFound("no source " + id));
		model.addAttribute("source", source);
		model.addAttribute("form", Form.of(source));
		model.addAttribute("testUrl", url);
		try {
			Fetched fetched = this.fetcher.get(url);
			Ingestor.requirePage(fetched);
			Charsets.Decoded decoded = Charsets.decode(fetched.body(), fetched.charset(), source.language());
			Extraction extraction = Extractor.extract(fetched.url(), decoded.text(), source.selectors(), Hints.NONE,
					source.zone(), source.language());
			model.addAttribute("extraction", extraction);
			// Text made here: the template cannot call methods of this package's records.
			PublishedDate published = extraction.published();
			model.addAttribute("published", (published != null && published.instant() != null)
					? published.iso() + " (" + published.precision().label() + ")" : null);
		}
		catch (FetchException | IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "admin/source";
	}

	private static String nullIfBlank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

		NotFound(String message) {
			super(message);
		}

	}

}
