package org.vigil.tagging;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/candidates}: new names found in items, waiting for a decision, taken one
 * at a time or many at once (ticked in one form).
 */
@Controller
@RequestMapping("/admin/candidates")
class CandidatesAdminController {

	private static final Set<String> TYPES = Set.of("person", "programme", "organisation");

	private static final int SHOWN = 200;

	private static final String BACK = "redirect:/admin/candidates";

	private final CandidateReview review;

	private final MessageSource messages;

	CandidatesAdminController(CandidateReview review, MessageSource messages) {
		this.review = review;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("candidates", this.review.waiting(SHOWN));
		model.addAttribute("waiting", this.review.waitingCount());
		return "tagging/candidates";
	}

	/**
	 * Existing entities matching what was typed, as {@code <option>}s for the merge
	 * field.
	 */
	@GetMapping("/entities")
	String entities(@RequestParam(defaultValue = "") String entity, Model model) {
		model.addAttribute("options", this.review.entities(entity, 15));
		return "tagging/entity-options";
	}

	@PostMapping
	String decide(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam String action,
			@RequestParam(required = false) String type, @RequestParam(required = false) String entity,
			RedirectAttributes redirect) {
		List<Long> chosen = (ids != null) ? ids : List.of();
		if (chosen.isEmpty()) {
			return flash(redirect, "names.message.noneChosen");
		}
		return switch (action) {
			case "accept" -> accept(chosen, type, redirect);
			case "merge" -> merge(chosen, entity, redirect);
			case "reject" -> flash(redirect, "names.message.rejected", this.review.rejectAll(chosen));
			default -> flash(redirect, "names.message.unknownAction");
		};
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable long id, @RequestParam String type, RedirectAttributes redirect) {
		return accept(List.of(id), type, redirect);
	}

	@PostMapping("/{id}/merge")
	String merge(@PathVariable long id, @RequestParam String entity, RedirectAttributes redirect) {
		return merge(List.of(id), entity, redirect);
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, RedirectAttributes redirect) {
		return flash(redirect, "names.message.rejected", this.review.rejectAll(List.of(id)));
	}

	private String accept(List<Long> ids, String type, RedirectAttributes redirect) {
		if (type == null || !TYPES.contains(type)) {
			return flash(redirect, "names.message.chooseType");
		}
		int accepted = this.review.acceptAll(ids, type);
		if (accepted > 0) {
			this.review.retag("candidate accepted");
		}
		return flash(redirect, "names.message.accepted", accepted);
	}

	private String merge(List<Long> ids, String entity, RedirectAttributes redirect) {
		Optional<Integer> merged = this.review.mergeAll(ids, entity);
		if (merged.isEmpty()) {
			return flash(redirect, "names.message.noEntity", (entity != null) ? entity.strip() : "");
		}
		if (merged.get() > 0) {
			this.review.retag("candidate merged as an alias");
		}
		return flash(redirect, "names.message.merged", merged.get(), entity.strip());
	}

	private String flash(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("message", this.messages.getMessage(key, args, LocaleContextHolder.getLocale()));
		return BACK;
	}

}
