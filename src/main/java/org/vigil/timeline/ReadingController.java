package org.vigil.timeline;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import org.vigil.shared.SignedInUser;

/**
 * The reader's marks: read and unread, starred with a note, "mark all above as read", and
 * the Starred page. Each mark is a POST that works as a plain form (it returns to the
 * page it came from) and, sent by reader.js with {@code X-Reader: 1}, answers the item's
 * marks as JSON. Every mark is scoped to the signed-in account.
 */
@Controller
class ReadingController {

	static final int STARRED_PAGE = 200;

	private final ReadMarks marks;

	private final Stars stars;

	private final ItemCards cards;

	private final FilterParser parser;

	private final java.time.Clock clock;

	ReadingController(ReadMarks marks, Stars stars, ItemCards cards, FilterParser parser, java.time.Clock clock) {
		this.marks = marks;
		this.stars = stars;
		this.cards = cards;
		this.parser = parser;
		this.clock = clock;
	}

	@PostMapping(path = "/items/{id}/read", headers = "X-Reader=1")
	ResponseEntity<Map<String, Object>> readByScript(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "true") boolean read) {
		markRead(user, id, read);
		return marksOf(user, id);
	}

	@PostMapping("/items/{id}/read")
	String read(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "true") boolean read, @RequestParam(required = false) String back) {
		markRead(user, id, read);
		return "redirect:" + local(back, "/items/" + id);
	}

	@PostMapping(path = "/items/{id}/star", headers = "X-Reader=1")
	ResponseEntity<Map<String, Object>> starByScript(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "true") boolean starred) {
		star(user, id, starred);
		return marksOf(user, id);
	}

	@PostMapping("/items/{id}/star")
	String star(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "true") boolean starred, @RequestParam(required = false) String back) {
		star(user, id, starred);
		return "redirect:" + local(back, "/items/" + id);
	}

	/** Sets the note of a star (starring the item if need be); a blank note clears it. */
	@PostMapping("/items/{id}/note")
	String note(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String note, @RequestParam(required = false) String back) {
		try {
			this.stars.note(user.id(), id, note);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			throw noItem(id);
		}
		return "redirect:" + local(back, "/starred") + "#item-" + id;
	}

	/**
	 * Marks read the item and every newer one that the page it was on ({@code back})
	 * shows: the timeline's filter comes from that page's address.
	 */
	@PostMapping(path = "/read/above", headers = "X-Reader=1")
	ResponseEntity<Map<String, Object>> aboveByScript(@AuthenticationPrincipal SignedInUser user,
			@RequestParam long through, @RequestParam(defaultValue = "/") String back) {
		return ResponseEntity.ok(Map.of("marked", markAbove(user, through, back)));
	}

	@PostMapping("/read/above")
	String above(@AuthenticationPrincipal SignedInUser user, @RequestParam long through,
			@RequestParam(defaultValue = "/") String back) {
		markAbove(user, through, back);
		return "redirect:" + local(back, "/");
	}

	@GetMapping("/starred")
	String starred(@AuthenticationPrincipal SignedInUser user, Model model) {
		List<Star> stars = this.stars.newestFirst(user.id(), STARRED_PAGE);
		List<Long> ids = stars.stream().map(Star::itemId).toList();
		model.addAttribute("cards", this.cards.of(ids));
		model.addAttribute("notes",
				stars.stream()
					.filter((star) -> star.note() != null)
					.collect(java.util.stream.Collectors.toMap(Star::itemId, Star::note)));
		model.addAttribute("reading", this.marks.among(user.id(), ids).at("/starred", false));
		return "timeline/starred";
	}

	private void markRead(SignedInUser user, long id, boolean read) {
		if (read) {
			if (!this.marks.markRead(user.id(), id, this.clock.instant())) {
				throw noItem(id);
			}
		}
		else {
			this.marks.markUnread(user.id(), id);
		}
	}

	private void star(SignedInUser user, long id, boolean starred) {
		if (starred) {
			try {
				this.stars.star(user.id(), id);
			}
			catch (org.springframework.dao.DataIntegrityViolationException ex) {
				throw noItem(id);
			}
		}
		else {
			this.stars.unstar(user.id(), id);
		}
	}

	private int markAbove(SignedInUser user, long through, String back) {
		MultiValueMap<String, String> parameters = UriComponentsBuilder.fromUriString(local(back, "/"))
			.build()
			.getQueryParams();
		// The address holds the parameters as the browser sent them, still encoded.
		MultiValueMap<String, String> decoded = new org.springframework.util.LinkedMultiValueMap<>();
		parameters
			.forEach(
					(name, values) -> values
						.forEach(
								(value) -> decoded.add(name,
										(value != null) ? org.springframework.web.util.UriUtils
											.decode(value.replace("+", " "), java.nio.charset.StandardCharsets.UTF_8)
												: null)));
		TimelineFilter filter = this.parser.parse(decoded).filter();
		return this.marks.markAbove(user.id(), filter, through, this.clock.instant());
	}

	private ResponseEntity<Map<String, Object>> marksOf(SignedInUser user, long id) {
		ReadingState state = this.marks.among(user.id(), List.of(id));
		return ResponseEntity.ok(Map.of("id", id, "read", state.isRead(id), "starred", state.isStarred(id)));
	}

	/**
	 * The path and query of a return address, never another site: only what the browser
	 * was already showing on this one.
	 */
	static String local(String back, String fallback) {
		if (back == null || back.isBlank()) {
			return fallback;
		}
		try {
			URI uri = URI.create(back.strip());
			if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
					|| !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
				return fallback;
			}
			return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	private static ResponseStatusException noItem(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no item " + id);
	}

}
