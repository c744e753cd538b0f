package org.vigil.searches;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.shared.SiteProperties;
import org.vigil.timeline.TimelineSearch;
import org.vigil.users.VigilUser;

/**
 * {@code /searches}: the logged-in user's saved searches with what is new in each, saving
 * from the timeline, opening (which marks a search seen), editing, deleting and the feed
 * token. Another user's search answers 404 like one that does not exist, so ids reveal
 * nothing.
 */
@Controller
class SavedSearchController {

	private final SavedSearches searches;

	private final TimelineSearch timeline;

	private final SiteProperties site;

	private final Clock clock;

	private final MessageSource messages;

	SavedSearchController(SavedSearches searches, TimelineSearch timeline, SiteProperties site, Clock clock,
			MessageSource messages) {
		this.searches = searches;
		this.timeline = timeline;
		this.site = site;
		this.clock = clock;
		this.messages = messages;
	}

	/** A message of the searches bundle in the reader's language. */
	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	/** A search as the list shows it. */
	record Row(SavedSearch search, String description, long newCount, String timelineUrl, String feedUrl) {

	}

	@GetMapping("/searches")
	String list(@AuthenticationPrincipal VigilUser user, Model model) {
		Instant now = this.clock.instant();
		List<Row> rows = this.searches.list(user.id()).stream().map((search) -> {
			TimelineSearch.Checked checked = this.timeline.check(search.parameters());
			// One indexed count per search over the items first seen since the user last
			// looked: item_first_seen keeps it to the new rows.
			long newCount = this.timeline.countFirstSeen(search.parameters(), search.lastSeenAt(), now);
			return new Row(search, checked.description(), newCount, checked.timelineUrl(), feedUrl(search));
		}).toList();
		model.addAttribute("rows", rows);
		return "searches/list";
	}

	/** "Save this search" on the timeline: the form carries the timeline's parameters. */
	@PostMapping("/searches")
	String save(@AuthenticationPrincipal VigilUser user, @RequestParam MultiValueMap<String, String> parameters,
			RedirectAttributes redirect) {
		TimelineSearch.Checked checked = this.timeline.check(parameters);
		String name = parameters.getFirst("name");
		try {
			SavedSearch saved = this.searches.create(user.id(), name, checked, parameters.getFirst("notes"));
			redirect.addFlashAttribute("message", text("searches.saved", saved.name()));
			return "redirect:/searches";
		}
		catch (SearchProblem ex) {
			redirect.addFlashAttribute("saveError", ex.getMessage());
			redirect.addFlashAttribute("saveName", name);
			redirect.addFlashAttribute("saveNotes", parameters.getFirst("notes"));
			return "redirect:" + checked.timelineUrl();
		}
	}

	/** Opens the search on the timeline and marks it seen. */
	@GetMapping("/searches/{id}")
	String open(@AuthenticationPrincipal VigilUser user, @PathVariable long id) {
		SavedSearch search = owned(user, id);
		this.searches.markSeen(user.id(), id);
		// A saved search opens on what is still unread; the timeline's switch shows all.
		String url = this.timeline.check(search.parameters()).timelineUrl();
		return "redirect:" + url + (url.contains("?") ? "&" : "?") + "unread=1";
	}

	@GetMapping("/searches/{id}/edit")
	String edit(@AuthenticationPrincipal VigilUser user, @PathVariable long id, Model model) {
		SavedSearch search = owned(user, id);
		TimelineSearch.Checked checked = this.timeline.check(search.parameters());
		model.addAttribute("search", search);
		model.addAttribute("form", new EditForm(search.name(), (search.notes() != null) ? search.notes() : "",
				search.parameters(), FilterFields.values(search.parameters())));
		model.addAttribute("description", checked.description());
		model.addAttribute("listFields", FilterFields.LISTS);
		return "searches/edit";
	}

	/** What the edit form holds, kept when a change is refused. */
	record EditForm(String name, String notes, String parameters, Map<String, String> fields) {

	}

	/**
	 * Saves the edit form. The filter comes from the query string field when the user
	 * changed it, otherwise from the filter fields.
	 */
	@PostMapping("/searches/{id}")
	String update(@AuthenticationPrincipal VigilUser user, @PathVariable long id,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		SavedSearch search = owned(user, id);
		String queryString = form.getOrDefault("parameters", "").strip();
		Map<String, String> fields = new LinkedHashMap<>();
		FilterFields.SINGLES.forEach((name) -> fields.put(name, form.getOrDefault(name, "")));
		FilterFields.LISTS.forEach((name) -> fields.put(name, form.getOrDefault(name, "")));
		TimelineSearch.Checked checked = queryString.equals(search.parameters())
				? this.timeline.check(FilterFields.parameters(fields))
				: this.timeline.check(FilterFields.parse(queryString));
		try {
			this.searches.update(user.id(), id, form.get("name"), checked, form.get("notes"), version(form));
		}
		catch (SearchProblem ex) {
			model.addAttribute("search", search);
			model.addAttribute("form",
					new EditForm(form.getOrDefault("name", ""), form.getOrDefault("notes", ""), queryString, fields));
			model.addAttribute("description", this.timeline.check(search.parameters()).description());
			model.addAttribute("error", text("searches.nothingChanged", ex.getMessage()));
			model.addAttribute("listFields", FilterFields.LISTS);
			return "searches/edit";
		}
		redirect.addFlashAttribute("message", text("searches.saved", form.get("name").strip()));
		return "redirect:/searches";
	}

	@PostMapping("/searches/{id}/delete")
	String delete(@AuthenticationPrincipal VigilUser user, @PathVariable long id, RedirectAttributes redirect) {
		SavedSearch search = owned(user, id);
		this.searches.delete(user.id(), id);
		redirect.addFlashAttribute("message", text("searches.deleted", search.name()));
		return "redirect:/searches";
	}

	/** Turns the feed on, or gives it a new address that ends the old one. */
	@PostMapping("/searches/{id}/feed")
	String newFeed(@AuthenticationPrincipal VigilUser user, @PathVariable long id, RedirectAttributes redirect) {
		SavedSearch search = owned(user, id);
		this.searches.newFeedToken(user.id(), id).orElseThrow(SavedSearchController::notFound);
		redirect.addFlashAttribute("message",
				text((search.feedToken() != null) ? "searches.feed.renewed" : "searches.feed.on", search.name()));
		return "redirect:/searches";
	}

	@PostMapping("/searches/{id}/feed/revoke")
	String revokeFeed(@AuthenticationPrincipal VigilUser user, @PathVariable long id, RedirectAttributes redirect) {
		SavedSearch search = owned(user, id);
		this.searches.revokeFeedToken(user.id(), id);
		redirect.addFlashAttribute("message", text("searches.feed.turnedOff", search.name()));
		return "redirect:/searches";
	}

	/** The version the edit page showed, when it sent one. */
	private static Long version(Map<String, String> form) {
		try {
			return form.containsKey("version") ? Long.valueOf(form.get("version").strip()) : null;
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "version is not a number");
		}
	}

	private SavedSearch owned(VigilUser user, long id) {
		return this.searches.find(user.id(), id).orElseThrow(SavedSearchController::notFound);
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such saved search");
	}

	private String feedUrl(SavedSearch search) {
		return (search.feedToken() != null) ? this.site.absolute("/feeds/" + search.feedToken() + ".atom") : null;
	}

}
