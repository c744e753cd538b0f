package org.vigil.tagging;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcTemplate jdbc;

	private final GazetteerRepository gazetteer;

	private final RetagJobs jobs;

	TaggingAdminController(JdbcTemplate jdbc, GazetteerRepository gazetteer, RetagJobs jobs) {
		this.jdbc = jdbc;
		this.gazetteer = gazetteer;
		this.jobs = jobs;
	}

	@GetMapping
	String page(Model model) {
		List<Map<String, Object>> counts = this.jdbc
			.queryForList("select type, count(*) as entities from entity group by type order by type");
		model.addAttribute("counts", counts);
		model.addAttribute("version", this.gazetteer.version());
		model.addAttribute("stale", this.jdbc.queryForObject("""
				select count(*) from item_view i left join item_tagging t on t.item_id = i.id
				where t.gazetteer_version is distinct from (select version from gazetteer_version where id = 1)""",
				Long.class));
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
