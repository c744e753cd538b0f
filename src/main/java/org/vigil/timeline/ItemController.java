package org.vigil.timeline;

import java.time.Clock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.shared.SignedInUser;

/**
 * An item's own page: its metadata, its text with the entities it mentions linked, its
 * earlier versions, the other sources of its story and related items.
 */
@Controller
class ItemController {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, HH:mm z",
			Locale.ENGLISH);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

	// The body was sanitized when it was stored; cleaning it again on the way out costs
	// little and keeps the page inert even if a bad row slips in.
	private static final Safelist BODY = Safelist.relaxed().removeTags("img").addAttributes("a", "rel");

	private final ItemPageQueries queries;

	private final TimelineQueries timeline;

	private final TimelineProperties properties;

	private final ReadMarks marks;

	private final Reading reading;

	private final Clock clock;

	ItemController(ItemPageQueries queries, TimelineQueries timeline, TimelineProperties properties, ReadMarks marks,
			Reading reading, Clock clock) {
		this.marks = marks;
		this.reading = reading;
		this.clock = clock;
		this.queries = queries;
		this.timeline = timeline;
		this.properties = properties;
	}

	/** A version and how its text changed in the next one. */
	record VersionView(int version, String title, String period, List<TextDiff.Part> diff) {

	}

	/** A listed item with its display date. */
	record OtherView(String href, String title, String sourceName, String date, int shared) {

	}

	@GetMapping("/items/{id}")
	String item(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
		long itemId = parseId(id);
		ItemPageQueries.Item item = this.queries.item(itemId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no item " + itemId));
		// Opening an item reads it.
		if (user != null) {
			this.marks.markRead(user.id(), itemId, this.clock.instant());
		}
		model.addAttribute("reading", this.reading.of(user, List.of(itemId)).at("/items/" + itemId, false));
		model.addAttribute("item", item);
		model.addAttribute("published", format(item.publishedAt(), item.dateOnly()));
		model.addAttribute("firstSeen", format(item.firstSeenAt(), false));
		model.addAttribute("updated", format(item.updatedAt(), false));
		model.addAttribute("withdrawn", format(item.withdrawnAt(), false));
		model.addAttribute("chips", this.timeline.chips(List.of(itemId)).getOrDefault(itemId, List.of()));
		model.addAttribute("paragraphs",
				MentionHighlighter.paragraphs(item.bodyText(), this.queries.bodyMentions(itemId)));
		model.addAttribute("bodyHtml", cleanBody(item.bodyHtml(), item.url()));
		model.addAttribute("versions", versions(item));
		model.addAttribute("story",
				(item.storyId() != null) ? others(this.queries.sameStory(itemId, item.storyId())) : List.of());
		model.addAttribute("related", others(this.queries.related(itemId, item.publishedAt(), 6)));
		return "timeline/item";
	}

	static String cleanBody(String html, String baseUri) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
		String base = (baseUri != null && baseUri.startsWith("http")) ? baseUri : "https://invalid.invalid/";
		return Jsoup.clean(html, base, BODY, output);
	}

	private List<VersionView> versions(ItemPageQueries.Item item) {
		List<ItemPageQueries.Version> versions = this.queries.versions(item.id());
		List<VersionView> views = new ArrayList<>();
		String newerText = item.bodyText();
		for (ItemPageQueries.Version version : versions) {
			views.add(new VersionView(version.version(), version.title(),
					format(version.validFrom(), false) + " – " + format(version.validTo(), false),
					TextDiff.diff(version.bodyText(), newerText)));
			newerText = version.bodyText();
		}
		return views;
	}

	private List<OtherView> others(List<ItemPageQueries.Other> others) {
		return others.stream()
			.map((other) -> new OtherView("/items/" + other.id(), other.title(), other.sourceName(),
					format(other.publishedAt(), other.dateOnly()), other.shared()))
			.toList();
	}

	private String format(Instant instant, boolean dateOnly) {
		if (instant == null) {
			return null;
		}
		if (dateOnly) {
			return DATE.withLocale(TimelineProperties.viewerLocale()).format(instant.atZone(java.time.ZoneOffset.UTC));
		}
		ZoneId zone = this.properties.viewerZone();
		return DATE_TIME.withLocale(TimelineProperties.viewerLocale()).format(instant.atZone(zone));
	}

	private static long parseId(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no item " + id);
		}
	}

}
