package org.vigil.digest;

import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link Digest} into a mail in the recipient's language: an HTML part from the
 * digest/mail template (inline CSS, no images, tables for the clients that ignore the
 * rest), a plain-text part ({@link DigestText}), and the one-click unsubscribe headers of
 * RFC 2369 and RFC 8058.
 */
@Component
class DigestMail {

	private final ITemplateEngine templates;

	private final DigestProperties properties;

	private final DigestText text;

	private final MessageSource messages;

	DigestMail(ITemplateEngine templates, DigestProperties properties, DigestText text, MessageSource messages) {
		this.templates = templates;
		this.properties = properties;
		this.text = text;
		this.messages = messages;
	}

	/** The subject in the recipient's language: distinct new items and the week. */
	String subject(Digest digest, Locale locale) {
		long total = digest.totalItems();
		String key = (total == 0) ? "digest.subject.none" : new Plurals(locale).key("digest.subject", total);
		return this.messages.getMessage(key, new Object[] { total, digest.period() }, locale);
	}

	/**
	 * The HTML part; also the page /digest/preview shows, so that the preview is the mail
	 * by construction.
	 */
	String html(Digest digest, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("digest", digest);
		context.setVariable("lang", locale.getLanguage());
		context.setVariable("plurals", new Plurals(locale));
		return this.templates.process("digest/mail", context);
	}

	String text(Digest digest, Locale locale) {
		return this.text.text(digest, locale);
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
		helper.setSubject(subject(digest, locale));
		helper.setText(text(digest, locale), html(digest, locale));
		message.setHeader("List-Unsubscribe", "<" + digest.unsubscribeUrl() + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

}
