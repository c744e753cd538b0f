package org.vigil.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login page, also shown with status 429 when the throttle refuses an attempt. */
@Controller
class LoginController {

	private final UsersProperties properties;

	private final Accounts accounts;

	LoginController(UsersProperties properties, Accounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("selfRegistration", this.properties.selfRegistration());
		// A new instance has nobody to log in as: say where the first account comes from.
		model.addAttribute("noAdmin", !this.accounts.anyAdmin());
		return "users/login";
	}

	@RequestMapping("/login/throttled")
	String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object seconds = request.getAttribute(LoginThrottleFilter.RETRY_AFTER_ATTRIBUTE);
		long minutes = (seconds instanceof Long value) ? Math.max(1, (value + 59) / 60) : 1;
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("throttledMinutes", minutes);
		model.addAttribute("selfRegistration", this.properties.selfRegistration());
		return "users/login";
	}

}
