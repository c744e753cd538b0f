package org.vigil.tagging;

import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/candidates}: new names found in items, waiting for a decision. */
@Controller
@RequestMapping("/admin/candidates")
class CandidatesAdminController {

	private static final Set<String> TYPES = Set.of("person", "programme", "organisation");

	private final CandidateReview review;

	CandidatesAdminController(CandidateReview review) {
		this.review = review;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("candidates", this.review.waiting());
		return "tagging/candidates";
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable long id, @RequestParam String type, RedirectAttributes redirect) {
		if (!TYPES.contains(type)) {
			redirect.addFlashAttribute("message", "Choose a type: person, programme or organisation.");
			return "redirect:/admin/candidates";
		}
		this.review.accept(id, type);
		this.review.retag("candidate accepted");
		redirect.addFlashAttribute("message", "Added to the gazetteer; items are being re-tagged.");
		return "redirect:/admin/candidates";
	}

	@PostMapping("/{id}/merge")
	String merge(@PathVariable long id, @RequestParam String entity, RedirectAttributes redirect) {
		if (this.review.merge(id, entity).isEmpty()) {
			redirect.addFlashAttribute("message",
					"No entity has the key or name '" + entity + "'; use a key such as mark-rutte or a full name.");
			return "redirect:/admin/candidates";
		}
		this.review.retag("candidate merged as an alias");
		redirect.addFlashAttribute("message", "Added as an alias; items are being re-tagged.");
		return "redirect:/admin/candidates";
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, RedirectAttributes redirect) {
		this.review.reject(id);
		redirect.addFlashAttribute("message", "Rejected.");
		return "redirect:/admin/candidates";
	}

}
