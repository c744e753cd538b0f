package org.vigil.users;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.shared.SiteProperties;

/**
 * {@code /admin/users}: admins create analysts (with a password, or by invitation),
 * change roles and disable accounts. Vigil never loses its last admin: an admin cannot
 * demote or disable the last enabled one. Each form sends the version of the account it
 * showed, so a change made meanwhile by another admin is reported, not overwritten.
 */
@Controller
@RequestMapping("/admin/users")
class UsersAdminController {

	private static final Logger log = LoggerFactory.getLogger(UsersAdminController.class);

	private final Accounts accounts;

	private final Passwords passwords;

	private final Invitations invitations;

	private final InvitationMail mail;

	private final SiteProperties site;

	UsersAdminController(Accounts accounts, Passwords passwords, Invitations invitations, InvitationMail mail,
			SiteProperties site) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.invitations = invitations;
		this.mail = mail;
		this.site = site;
	}

	@GetMapping
	String list(Model model) {
		List<Account> accounts = this.accounts.list();
		model.addAttribute("accounts", accounts);
		return "users/admin";
	}

	@PostMapping
	String create(@AuthenticationPrincipal VigilUser admin, @RequestParam String email,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "analyst") String role,
			@RequestParam(defaultValue = "invite") String mode, @RequestParam(defaultValue = "") String password,
			RedirectAttributes redirect) {
		Role chosen = "admin".equals(role) ? Role.ADMIN : Role.ANALYST;
		try {
			if ("password".equals(mode)) {
				Account account = this.accounts.create(email, displayName, chosen, this.passwords.hash(password, email),
						"UTC");
				log.info("Admin user={} created user={} role={}", admin.id(), account.id(), chosen);
				redirect.addFlashAttribute("message", "Created " + account.email() + "; they can log in now.");
			}
			else {
				Account account = this.accounts.create(email, displayName, chosen, null, "UTC");
				log.info("Admin user={} invited user={} role={}", admin.id(), account.id(), chosen);
				invite(admin, account, redirect);
			}
		}
		catch (AccountProblem ex) {
			redirect.addFlashAttribute("error", ex.getMessage() + " No account was created.");
			redirect.addFlashAttribute("email", email);
			redirect.addFlashAttribute("displayName", displayName);
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/invite")
	String reinvite(@AuthenticationPrincipal VigilUser admin, @PathVariable long id, RedirectAttributes redirect) {
		this.accounts.find(id)
			.ifPresentOrElse((account) -> invite(admin, account, redirect),
					() -> redirect.addFlashAttribute("error", "There is no such account."));
		return "redirect:/admin/users";
	}

	private void invite(VigilUser admin, Account account, RedirectAttributes redirect) {
		Invitations.Issued invitation = this.invitations.issue(account.id(), admin.id());
		String link = this.site.absolute(invitation.path());
		if (this.mail.send(account, invitation, admin.email())) {
			redirect.addFlashAttribute("message", "Invitation mailed to " + account.email() + ".");
		}
		else {
			redirect.addFlashAttribute("message", "No mail could be sent; give " + account.email()
					+ " this link (it works once, for " + "a limited time):");
		}
		redirect.addFlashAttribute("invitationLink", link);
	}

	@PostMapping("/{id}/role")
	String role(@AuthenticationPrincipal VigilUser admin, @PathVariable long id, @RequestParam String role,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		Role chosen = "admin".equals(role) ? Role.ADMIN : Role.ANALYST;
		try {
			this.accounts.setRole(id, chosen, version);
		}
		catch (AccountProblem ex) {
			redirect.addFlashAttribute("error", ex.getMessage() + " Nothing was changed.");
			return "redirect:/admin/users";
		}
		log.info("Admin user={} set user={} role={}", admin.id(), id, chosen);
		redirect.addFlashAttribute("message", "Role changed.");
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/enabled")
	String enabled(@AuthenticationPrincipal VigilUser admin, @PathVariable long id, @RequestParam boolean enabled,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		try {
			this.accounts.setEnabled(id, enabled, version);
		}
		catch (AccountProblem ex) {
			redirect.addFlashAttribute("error", ex.getMessage() + " Nothing was changed.");
			return "redirect:/admin/users";
		}
		log.info("Admin user={} set user={} enabled={}", admin.id(), id, enabled);
		redirect.addFlashAttribute("message", enabled ? "Account enabled." : "Account disabled; it cannot log in.");
		return "redirect:/admin/users";
	}

}
