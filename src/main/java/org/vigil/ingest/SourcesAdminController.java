package org.vigil.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.vigil.items.ItemCounts;
import org.vigil.sources.CrawlState;
import org.vigil.sources.Selectors;
import org.vigil.sources.Source;
import org.vigil.sources.SourceChangedException;
import org.vigil.sources.SourceCrawlStore;
import org.vigil.sources.SourceDeclaration;
import org.vigil.sources.SourceEditor;
import org.vigil.sources.SourceRepository;
import org.vigil.sources.SourceYaml;
import org.vigil.sources.UrlPolicy;

/**
 * {@code /admin/sources}: every source with its status, trouble first; add, edit,
 * disable, fetch now, and test extraction on a URL.
 */
@Controller
@RequestMapping("/admin/sources")
class SourcesAdminController {

	/** One row of the list. */
	record Row(Source source, long items, boolean troubled, CrawlCell crawl) {

	}

	/**
	 * A source's crawl as the page shows it: running since when and how far, or how the
	 * last one ended. While one runs, the cell asks again every few seconds.
	 */
	record CrawlCell(long sourceId, CrawlState state, boolean running, boolean abandoned) {

		static CrawlCell of(long sourceId, CrawlState state, Instant now) {
			return new CrawlCell(sourceId, state, state.running(now), state.abandoned(now));
		}

		/** When the running (or abandoned) crawl started, to the second. */
		public String since() {
			return (this.state.startedAt() != null) ? this.state.startedAt().truncatedTo(ChronoUnit.SECONDS).toString()
					: "";
		}

	}

	/**
	 * The add/edit form, as text fields; {@code version} is the version of the source the
	 * edit was made on (null when adding), {@code settings} YAML lines as in
	 * sources.yaml.
	 */
	// Serializable: a rejected form travels to the next page as a flash attribute, in the
	// session, which is stored in PostgreSQL.
	record Form(String key, String name, String kind, String urls, String language, String country, boolean official,
			boolean enabled, int scheduleMinutes, String titleSelector, String dateSelector, String bodySelector,
			String authorSelector, String remove, String settings, Long version) implements java.io.Serializable {

		static Form empty() {
			return new Form("", "", "feed", "", "", "", true, true, 30, "", "", "", "", "", "", null);
		}

		static Form of(Source source) {
			Selectors s = source.selectors();
			return new Form(source.key(), source.name(), source.kind(), String.join("\n", source.urls()),
					blank(source.language()), blank(source.country()), source.official(), source.enabled(),
					source.scheduleMinutes(), blank(s.title()), blank(s.date()), blank(s.body()), blank(s.author()),
					String.join("\n", s.remove()), SourceYaml.settingsText(source.settings()), source.version());
		}

		/**
		 * The declaration the form makes; {@code key} is the form's or one made of the
		 * name.
		 */
		SourceDeclaration declaration(String key, List<String> urls) {
			return new SourceDeclaration(key, nullIfBlank(this.name), this.kind, this.official,
					nullIfBlank(this.country), nullIfBlank(this.language), urls,
					new Selectors(nullIfBlank(this.titleSelector), nullIfBlank(this.dateSelector),
							nullIfBlank(this.bodySelector), nullIfBlank(this.authorSelector), lines(this.remove)),
					SourceYaml.settings(key, this.settings), this.scheduleMinutes, this.enabled);
		}

		private static String blank(String value) {
			return (value != null) ? value : "";
		}

	}

	private final SourceRepository sources;

	private final SourceEditor editor;

	private final SourceCrawlStore crawlStore;

	private final ItemCounts itemCounts;

	private final UrlPolicy urls;

	private final CrawlService crawls;

	private final Fetcher fetcher;

	private final Clock clock;

	private final SiteRuleHealth siteRules;

	SourcesAdminController(SourceRepository sources, SourceEditor editor, SourceCrawlStore crawlStore,
			ItemCounts itemCounts, UrlPolicy urls, CrawlService crawls, Fetcher fetcher, Clock clock,
			SiteRuleHealth siteRules) {
		this.siteRules = siteRules;
		this.sources = sources;
		this.editor = editor;
		this.crawlStore = crawlStore;
		this.itemCounts = itemCounts;
		this.urls = urls;
		this.crawls = crawls;
		this.fetcher = fetcher;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		Map<Long, Long> counts = this.itemCounts.bySource();
		Map<Long, CrawlState> crawlStates = this.crawlStore.crawlStates();
		Instant now = this.clock.instant();
		List<Row> rows = this.sources.findAll()
			.stream()
			.map(source -> new Row(source, counts.getOrDefault(source.id(), 0L),
					source.consecutiveFailures() > 0 || source.lastError() != null,
					CrawlCell.of(source.id(), crawlStates.getOrDefault(source.id(), CrawlState.NONE), now)))
			.sorted(Comparator.comparing((Row row) -> !row.troubled())
				.thenComparing(row -> -row.source().consecutiveFailures())
				.thenComparing(row -> !row.source().enabled())
				.thenComparing(row -> row.source().key()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("siteRuleMisses", this.siteRules.misses());
		model.addAttribute("now", now);
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

	/**
	 * Adds a source, or saves an edit made on the version the form carries: an edit of a
	 * source someone else changed meanwhile is refused, and the form comes back with what
	 * was typed.
	 */
	@PostMapping
	String save(Form form, RedirectAttributes redirect) {
		String key = (form.key() == null || form.key().isBlank()) ? String.valueOf(form.name())
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-|-$", "") : form.key().strip();
		Source existing = (form.version() != null) ? this.sources.findByKey(key).orElse(null) : null;
		try {
			List<String> list = lines(form.urls());
			if (list.isEmpty()) {
				throw new IllegalArgumentException("at least one URL is required");
			}
			list.forEach(this.urls::check);
			SourceDeclaration declaration = form.declaration(key, list);
			Source saved = (existing != null) ? this.editor.edit(existing.id(), form.version(), declaration)
					: this.editor.add(declaration);
			redirect.addFlashAttribute("message", "Source " + key + " saved.");
			return "redirect:/admin/sources/" + saved.id();
		}
		catch (IllegalArgumentException | SourceChangedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("form", form);
			return (existing != null) ? "redirect:/admin/sources/" + existing.id() : "redirect:/admin/sources";
		}
	}

	@PostMapping("/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		this.editor.setEnabled(id, enabled);
		redirect.addFlashAttribute("message", enabled ? "Source enabled." : "Source disabled.");
		return "redirect:/admin/sources";
	}

	/**
	 * Starts a crawl of the source in the background and returns at once: the crawl runs
	 * under its deadline whatever the source's server does, and the list shows its
	 * progress and then its outcome.
	 */
	@PostMapping("/{id}/fetch")
	String fetchNow(@PathVariable long id, RedirectAttributes redirect) {
		Source source = this.sources.findById(id).orElseThrow(() -> new NotFound("no source " + id));
		if (this.crawls.startNow(id).isPresent()) {
			redirect.addFlashAttribute("message",
					"Fetching " + source.key() + " in the background; its progress and result show in the list.");
		}
		else {
			CrawlState state = this.crawlStore.crawlState(id);
			redirect.addFlashAttribute("message", "A crawl of " + source.key() + " is already running (since "
					+ CrawlCell.of(id, state, this.clock.instant()).since() + " on " + state.owner() + ").");
		}
		return "redirect:/admin/sources";
	}

	/** The crawl cell of one source, which the list polls while a crawl runs. */
	@GetMapping("/{id}/crawl")
	String crawlState(@PathVariable long id, Model model) {
		this.sources.findById(id).orElseThrow(() -> new NotFound("no source " + id));
		model.addAttribute("cell", CrawlCell.of(id, this.crawlStore.crawlState(id), this.clock.instant()));
		return "admin/crawl-state :: crawl";
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
			// Values taken out here: the template cannot call methods of this package's
			// records. A date without a time is shown as the date the page gave, not
			// moved into the reader's zone.
			PublishedDate published = extraction.published();
			if (published != null && published.instant() != null) {
				model.addAttribute("publishedPrecision", published.precision().label());
				if (published.precision() == PublishedDate.Precision.DATE) {
					model.addAttribute("publishedDate", published.iso());
				}
				else {
					model.addAttribute("publishedAt", published.instant());
				}
			}
		}
		catch (FetchException | IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "admin/source";
	}

	private static List<String> lines(String text) {
		return Arrays.stream(String.valueOf((text != null) ? text : "").split("\\R"))
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.toList();
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
