package org.vigil.shared;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page, until the timeline takes over {@code /}. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
