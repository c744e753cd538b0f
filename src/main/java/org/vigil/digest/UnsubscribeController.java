package org.vigil.digest;

import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.vigil.users.Account;
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
		Optional<Account> account = account(token);
		if (account.isEmpty()) {
			return invalid(model, response);
		}
		model.addAttribute("email", account.get().email());
		model.addAttribute("token", token);
		return "digest/unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<Account> account = account(token);
		if (account.isEmpty()) {
			return invalid(model, response);
		}
		this.accounts.disableDigest(account.get().id());
		model.addAttribute("email", account.get().email());
		model.addAttribute("done", true);
		return "digest/unsubscribe";
	}

	/**
	 * The account a token was signed for, if the signature holds and the account exists.
	 */
	private Optional<Account> account(String token) {
		OptionalLong user = this.tokens.verify(token);
		return user.isPresent() ? this.accounts.find(user.getAsLong()) : Optional.empty();
	}

	private static String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("invalid", true);
		return "digest/unsubscribe";
	}

}
