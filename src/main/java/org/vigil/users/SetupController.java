package org.vigil.users;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /setup?token=...}: the first admin, created in the browser with the one-time
 * link from the start log, then logged in. Without the current token, or once an admin
 * exists, the page does not exist (404), so it tells a stranger nothing.
 */
@Controller
@ConditionalOnWebApplication
class SetupController {

	private static final Logger log = LoggerFactory.getLogger(SetupController.class);

	private final SetupToken setupToken;

	private final Accounts accounts;

	private final Passwords passwords;

	private final UsersProperties properties;

	private final AccountUserDetailsService users;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SetupController(SetupToken setupToken, Accounts accounts, Passwords passwords, UsersProperties properties,
			AccountUserDetailsService users) {
		this.setupToken = setupToken;
		this.accounts = accounts;
		this.passwords = passwords;
		this.properties = properties;
		this.users = users;
	}

	@GetMapping("/setup")
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		requireValid(token);
		model.addAttribute("token", token);
		return "users/setup";
	}

	@PostMapping("/setup")
	String create(@RequestParam(defaultValue = "") String token, @RequestParam String email,
			@RequestParam String password, @RequestParam String confirmPassword, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireValid(token);
		Optional<String> problem = password.equals(confirmPassword) ? this.passwords.problem(password, email)
				: Optional.of("The two passwords differ.");
		if (problem.isPresent()) {
			redirect.addFlashAttribute("error", problem.get() + " No account was created.");
			redirect.addFlashAttribute("email", email);
			return "redirect:/setup?token=" + token;
		}
		String hash = this.passwords.hash(password, email);
		if (!this.setupToken.use(token)) {
			throw notFound();
		}
		Account admin;
		try {
			admin = this.accounts.create(email, null, Role.ADMIN, hash, this.properties.defaultTimeZone());
		}
		catch (AccountProblem ex) {
			this.setupToken.giveBack(token);
			redirect.addFlashAttribute("error", ex.getMessage() + " No account was created.");
			redirect.addFlashAttribute("email", email);
			return "redirect:/setup?token=" + token;
		}
		log.info("Created the first admin {} (id {}) with the setup link", admin.email(), admin.id());
		logIn(admin, request, response);
		return "redirect:/";
	}

	/** Logs the new admin in, in a new session id (no fixation of the setup session). */
	private void logIn(Account admin, HttpServletRequest request, HttpServletResponse response) {
		VigilUser user = this.users.loadUserByUsername(admin.email());
		user.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.getSession(true);
		request.changeSessionId();
		this.contexts.saveContext(context, request, response);
	}

	private void requireValid(String token) {
		if (!this.setupToken.isValid(token)) {
			throw notFound();
		}
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
