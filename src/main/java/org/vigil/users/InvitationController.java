package org.vigil.users;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a new user chooses a password: the invitation link an admin sent, or, when
 * {@code vigil.users.self-registration=true}, the registration form.
 */
@Controller
class InvitationController {

	private final Invitations invitations;

	private final Accounts accounts;

	private final Passwords passwords;

	private final UsersProperties properties;

	InvitationController(Invitations invitations, Accounts accounts, Passwords passwords, UsersProperties properties) {
		this.invitations = invitations;
		this.accounts = accounts;
		this.passwords = passwords;
		this.properties = properties;
	}

	@GetMapping("/invitations/{token}")
	String invitation(@PathVariable String token, Model model) {
		Account invitee = invitee(token);
		model.addAttribute("email", invitee.email());
		model.addAttribute("token", token);
		return "users/invitation";
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable String token, @RequestParam String password, @RequestParam String confirmPassword,
			RedirectAttributes redirect) {
		Account invitee = invitee(token);
		Optional<String> problem = password.equals(confirmPassword) ? this.passwords.problem(password, invitee.email())
				: Optional.of("The two passwords differ.");
		if (problem.isPresent()) {
			redirect.addFlashAttribute("error", problem.get());
			return "redirect:/invitations/" + token;
		}
		if (this.invitations.accept(token, this.passwords.hash(password, invitee.email())).isEmpty()) {
			throw gone();
		}
		return "redirect:/login?password";
	}

	@GetMapping("/register")
	String registration() {
		requireSelfRegistration();
		return "users/register";
	}

	@PostMapping("/register")
	String register(@RequestParam String email, @RequestParam String password, @RequestParam String confirmPassword,
			RedirectAttributes redirect) {
		requireSelfRegistration();
		Optional<String> problem = password.equals(confirmPassword) ? this.passwords.problem(password, email)
				: Optional.of("The two passwords differ.");
		try {
			if (problem.isPresent()) {
				throw new AccountProblem(problem.get());
			}
			this.accounts.create(email, null, Role.ANALYST, this.passwords.hash(password, email),
					this.properties.defaultTimeZone());
		}
		catch (AccountProblem ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("email", email);
			return "redirect:/register";
		}
		return "redirect:/login?password";
	}

	private Account invitee(String token) {
		return this.invitations.invitee(token).flatMap(this.accounts::find).orElseThrow(InvitationController::gone);
	}

	private void requireSelfRegistration() {
		if (!this.properties.selfRegistration()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static ResponseStatusException gone() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND,
				"This invitation link is not valid: it was used already, has expired or was replaced. Ask an admin for a new one.");
	}

}
