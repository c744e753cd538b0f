package org.vigil.digest;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.users.VigilUser;

/**
 * The digest's pages: "Send me a preview now" from /settings, and /admin/digest with the
 * last runs and the deliveries that are waiting or failed.
 */
@Controller
class DigestWebController {

	private static final Logger log = LoggerFactory.getLogger(DigestWebController.class);

	private final DigestService digests;

	private final DigestAdminQueries admin;

	DigestWebController(DigestService digests, DigestAdminQueries admin) {
		this.digests = digests;
		this.admin = admin;
	}

	@PostMapping("/digest/preview")
	String preview(@AuthenticationPrincipal VigilUser user, RedirectAttributes redirect) {
		try {
			switch (this.digests.preview(user.id())) {
				case SENT -> redirect.addFlashAttribute("message", "A preview of your digest was sent to "
						+ user.email() + ". It does not count as this week's digest.");
				case NO_SEARCHES -> redirect.addFlashAttribute("error",
						"You have no saved searches yet: the digest lists what is new in them.");
				case NO_SMTP -> redirect.addFlashAttribute("error",
						"Vigil has no SMTP server configured (spring.mail.host), so it cannot send mail.");
			}
		}
		catch (MailException | MessagingException ex) {
			log.warn("Digest preview for user={} failed: {}", user.id(), ex.getMessage());
			redirect.addFlashAttribute("error", "The preview could not be sent: " + ex.getMessage());
		}
		return "redirect:/settings";
	}

	@GetMapping("/admin/digest")
	String admin(Model model) {
		model.addAttribute("runs", this.admin.lastRuns(20));
		model.addAttribute("open", this.admin.openDeliveries(200));
		model.addAttribute("instance", this.digests.instance());
		return "digest/admin";
	}

	@PostMapping("/admin/digest/run")
	String runNow(RedirectAttributes redirect) {
		try {
			DigestService.Outcome outcome = this.digests.run("admin", null);
			redirect.addFlashAttribute("message",
					(outcome.runId() == null) ? "No digest was due."
							: "Run %d: %d sent, %d skipped, %d failed, %d to retry.".formatted(outcome.runId(),
									outcome.sent(), outcome.skipped(), outcome.failed(), outcome.retrying()));
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/digest";
	}

}
