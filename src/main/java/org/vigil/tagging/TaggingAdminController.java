package org.vigil.tagging;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /admin/tagging}: the gazetteer's size and version, and re-tag jobs' progress.
 */
@Controller
@RequestMapping("/admin/tagging")
class TaggingAdminController {

	private final TaggingStatus status;

	private final GazetteerRepository gazetteer;

	private final RetagJobs jobs;

	TaggingAdminController(TaggingStatus status, GazetteerRepository gazetteer, RetagJobs jobs) {
		this.status = status;
		this.gazetteer = gazetteer;
		this.jobs = jobs;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("counts", this.status.entityCounts());
		model.addAttribute("version", this.gazetteer.version());
		model.addAttribute("stale", this.status.staleItems());
		model.addAttribute("jobs", this.jobs.recent());
		return "tagging/admin";
	}

	@GetMapping("/jobs")
	String jobs(Model model) {
		model.addAttribute("jobs", this.jobs.recent());
		return "tagging/admin :: jobs";
	}

	@PostMapping("/retag")
	String retag() {
		this.jobs.enqueue("requested by an admin");
		return "redirect:/admin/tagging";
	}

}
