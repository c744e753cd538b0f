package org.vigil.items;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The item page's small form for admins: set the publication date of an item that has
 * none (an imported file) or a wrong one. Under {@code /admin}, so only admins may post
 * it, with the page's CSRF token.
 */
@Controller
class ItemDateController {

	private final ItemEdits edits;

	ItemDateController(ItemEdits edits) {
		this.edits = edits;
	}

	@PostMapping("/admin/items/{id}/published")
	String setPublished(@PathVariable long id, @RequestParam(required = false) String date,
			RedirectAttributes redirect) {
		try {
			PublicationDates published = PublicationDates.parse(date);
			if (!this.edits.setPublished(id, published.instant(), published.precision(), published.raw())) {
				throw new org.springframework.web.server.ResponseStatusException(
						org.springframework.http.HttpStatus.NOT_FOUND, "no item " + id);
			}
			redirect.addFlashAttribute("message", "Publication date set to " + published.raw() + ".");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/items/" + id;
	}

}
