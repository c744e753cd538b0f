package org.vigil.digest;

import java.util.Locale;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.mail.MailException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigil.users.VigilUser;

/**
 * The digest's pages: /digest/preview (the mail as a page), "Send me a preview now" from
 * /settings, and /admin/digest with the last runs and the deliveries that are waiting or
 * failed.
 */
@Controller
class DigestWebController {

	private static final Logger log = LoggerFactory.getLogger(DigestWebController.class);

	private final DigestService digests;

	private final DigestPreview preview;

	private final DigestAdminQueries admin;

	private final MessageSource messages;

	DigestWebController(DigestService digests, DigestPreview preview, DigestAdminQueries admin,
			MessageSource messages) {
		this.digests = digests;
		this.preview = preview;
		this.admin = admin;
		this.messages = messages;
	}

	/**
	 * The mail this user's digest would be if it went out now, as the page itself: the
	 * same HTML, byte for byte, in the user's language and zone.
	 */
	@GetMapping(path = "/digest/preview", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String show(@AuthenticationPrincipal VigilUser user) {
		return this.preview.html(user.id());
	}

	@PostMapping("/digest/preview")
	String preview(@AuthenticationPrincipal VigilUser user, Locale locale, RedirectAttributes redirect) {
		try {
			switch (this.preview.send(user.id())) {
				case SENT -> redirect.addFlashAttribute("message",
						this.messages.getMessage("digest.preview.sent", new Object[] { user.email() }, locale));
				case NO_SEARCHES -> redirect.addFlashAttribute("error",
						this.messages.getMessage("digest.preview.noSearches", null, locale));
				case NO_SMTP -> redirect.addFlashAttribute("error",
						this.messages.getMessage("digest.preview.noSmtp", null, locale));
			}
		}
		catch (MailException | MessagingException ex) {
			log.warn("Digest preview for user={} failed: {}", user.id(), ex.getMessage());
			redirect.addFlashAttribute("error",
					this.messages.getMessage("digest.preview.failed", new Object[] { ex.getMessage() }, locale));
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
