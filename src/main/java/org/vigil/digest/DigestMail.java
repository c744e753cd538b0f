package org.vigil.digest;

import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link Digest} into a mail: an HTML part from the digest/mail template (inline
 * CSS, no images, tables for the clients that ignore the rest), a plain-text part, and
 * the one-click unsubscribe headers of RFC 2369 and RFC 8058.
 */
@Component
class DigestMail {

	private final ITemplateEngine templates;

	private final DigestProperties properties;

	DigestMail(ITemplateEngine templates, DigestProperties properties) {
		this.templates = templates;
		this.properties = properties;
	}

	String subject(Digest digest) {
		long total = digest.totalItems();
		return "Vigil weekly digest: "
				+ ((total == 0) ? "nothing new" : total + " new item" + ((total == 1) ? "" : "s")) + " ("
				+ digest.period() + ")";
	}

	String html(Digest digest, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("digest", digest);
		context.setVariable("lang", locale.getLanguage());
		return this.templates.process("digest/mail", context);
	}

	String text(Digest digest) {
		StringBuilder text = new StringBuilder(4096);
		text.append("Vigil weekly digest, ").append(digest.period()).append("\n\n");
		text.append("Hello ").append(digest.recipientName()).append(",\n\n");
		if (digest.isEmpty()) {
			text.append("Nothing new in your saved searches this week.\n");
		}
		else {
			text.append("Vigil saw ")
				.append(digest.totalItems())
				.append(" new items in your saved searches this week:\n");
		}
		for (Digest.Section section : digest.sections()) {
			text.append("  - ").append(section.name()).append(": ").append(section.total()).append(" new\n");
		}
		if (!digest.topEntities().isEmpty()) {
			text.append("\nMost mentioned this week: ");
			for (int i = 0; i < digest.topEntities().size(); i++) {
				Digest.EntityLine entity = digest.topEntities().get(i);
				text.append((i > 0) ? ", " : "").append(entity.name()).append(" (").append(entity.items()).append(')');
			}
			text.append('\n');
		}
		for (Digest.Section section : digest.sections()) {
			text.append("\n\n== ").append(section.name()).append(" ==\n");
			text.append(section.description()).append('\n');
			if (section.items().isEmpty()) {
				text.append("\nNo new items.\n");
			}
			for (Digest.ItemLine item : section.items()) {
				text.append('\n').append(item.title()).append('\n');
				text.append("  ").append(item.source()).append(" \u00B7 ").append(item.date()).append('\n');
				if (!item.entities().isEmpty()) {
					text.append("  ");
					for (int i = 0; i < item.entities().size(); i++) {
						Digest.ChipLine chip = item.entities().get(i);
						text.append((i > 0) ? " \u00B7 " : "")
							.append(chip.matched() ? "*" + chip.name() + "*" : chip.name());
					}
					text.append('\n');
				}
				text.append("  ").append(item.url()).append('\n');
			}
			if (section.more() > 0) {
				text.append("\nand ")
					.append(section.more())
					.append(" more: ")
					.append(section.timelineUrl())
					.append('\n');
			}
		}
		text.append("\n-- \nYou receive this weekly digest of your saved searches in Vigil.\n");
		text.append("Settings (day, hour, time zone): ").append(digest.settingsUrl()).append('\n');
		text.append("Unsubscribe: ").append(digest.unsubscribeUrl()).append('\n');
		return text.toString();
	}

	/**
	 * The complete message.
	 * @throws MessagingException if the address or a header is not valid
	 */
	MimeMessage message(JavaMailSender sender, String to, Digest digest, Locale locale) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				"UTF-8");
		helper.setFrom(this.properties.mailFrom());
		// strict parsing: a malformed address fails this one delivery, not the batch
		helper.setTo(new InternetAddress(to, true));
		helper.setSubject(subject(digest));
		helper.setText(text(digest), html(digest, locale));
		message.setHeader("List-Unsubscribe", "<" + digest.unsubscribeUrl() + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

}
