package org.vigil.digest;

import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.vigil.users.Accounts;

/**
 * {@code /unsubscribe/{token}}, the link in every digest. Opening it only asks (mail
 * scanners open links); the button, or a mail client's RFC 8058 one-click POST, turns the
 * digest off. No login: the signed token is the proof, and CSRF does not apply (see
 * SecurityConfiguration).
 */
@Controller
class UnsubscribeController {

	private final UnsubscribeTokens tokens;

	private final Accounts accounts;

	UnsubscribeController(UnsubscribeTokens tokens, Accounts accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		OptionalLong user = this.tokens.verify(token);
		if (user.isEmpty() || this.accounts.find(user.getAsLong()).isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("invalid", true);
			return "digest/unsubscribe";
		}
		model.addAttribute("email", this.accounts.find(user.getAsLong()).orElseThrow().email());
		model.addAttribute("token", token);
		return "digest/unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		OptionalLong user = this.tokens.verify(token);
		if (user.isEmpty() || this.accounts.find(user.getAsLong()).isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("invalid", true);
			return "digest/unsubscribe";
		}
		this.accounts.disableDigest(user.getAsLong());
		model.addAttribute("email", this.accounts.find(user.getAsLong()).orElseThrow().email());
		model.addAttribute("done", true);
		return "digest/unsubscribe";
	}

}
