package org.vigil.users;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.vigil.shared.SiteProperties;

/**
 * Mails an invitation link. Without SMTP configured (no spring.mail.host) nothing is sent
 * and the admin page shows the link to pass on instead.
 */
@Component
class InvitationMail {

	private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final SiteProperties site;

	private final UsersProperties properties;

	InvitationMail(ObjectProvider<JavaMailSender> mail, SiteProperties site, UsersProperties properties) {
		this.mail = mail;
		this.site = site;
		this.properties = properties;
	}

	/** Whether the mail was handed to the SMTP server. */
	boolean send(Account invitee, Invitations.Issued invitation, String invitedBy) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.mailFrom());
		message.setTo(invitee.email());
		message.setSubject("You are invited to Vigil");
		message.setText(
				"""
						%s has made you a Vigil account (%s).

						Choose your password here (the link works once, until %s UTC):
						%s

						Vigil follows official defence and security statements: a dated timeline, saved searches and a weekly digest.
						"""
					.formatted(invitedBy, invitee.email(),
							DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
								.format(invitation.expiresAt().atOffset(ZoneOffset.UTC)),
							this.site.absolute(invitation.path())));
		try {
			sender.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Invitation mail to user={} failed: {}", invitee.id(), ex.getMessage());
			return false;
		}
	}

}
