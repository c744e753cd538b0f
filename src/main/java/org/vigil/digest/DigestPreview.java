package org.vigil.digest;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * A user's digest of the current week so far, outside the weekly record: shown at
 * /digest/preview, or mailed from the settings page. It covers what the next digest will:
 * from a week before its scheduled time up to now, so at the scheduled time itself it is
 * exactly the digest that goes out.
 */
@Component
class DigestPreview {

	private final DigestContentQueries content;

	private final DigestComposer composer;

	private final DigestMail mail;

	private final ObjectProvider<JavaMailSender> senders;

	private final MessageSource messages;

	private final Clock clock;

	DigestPreview(DigestContentQueries content, DigestComposer composer, DigestMail mail,
			ObjectProvider<JavaMailSender> senders, MessageSource messages, Clock clock) {
		this.content = content;
		this.composer = composer;
		this.mail = mail;
		this.senders = senders;
		this.messages = messages;
		this.clock = clock;
	}

	/** A user's digest as it stands now, with who it is for. */
	record Shown(DigestContentQueries.Recipient recipient, List<DigestContentQueries.SavedSearch> searches,
			Digest digest) {

	}

	/** The user's digest of the current week so far (sections empty without searches). */
	Shown current(long userId) {
		DigestContentQueries.Recipient recipient = this.content.recipients(List.of(userId)).get(userId);
		if (recipient == null) {
			throw new IllegalArgumentException("No account " + userId);
		}
		List<DigestContentQueries.SavedSearch> searches = this.content.savedSearches(List.of(userId))
			.getOrDefault(userId, List.of());
		Instant now = this.clock.instant();
		Instant since = periodStart(recipient, now);
		return new Shown(recipient, searches,
				this.composer.compose(recipient, searches, since, now, new DigestComposer.Cache()));
	}

	/** The HTML of the mail the user's digest would be if it went out now. */
	String html(long userId) {
		Shown shown = current(userId);
		return this.mail.html(shown.digest(), shown.recipient().locale());
	}

	/**
	 * The start of the period of the user's next digest: a week before the first
	 * scheduled time (weekday and hour in the user's zone) at or after {@code now}, as
	 * the scheduler's periods are.
	 */
	static Instant periodStart(DigestContentQueries.Recipient recipient, Instant now) {
		ZonedDateTime local = now.atZone(recipient.zone());
		ZonedDateTime scheduled = local.toLocalDate()
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.plusDays(recipient.digestDay() - 1)
			.atTime(recipient.digestHour(), 0)
			.atZone(recipient.zone());
		if (scheduled.toInstant().isBefore(now)) {
			scheduled = scheduled.plusWeeks(1);
		}
		return scheduled.minusWeeks(1).toInstant();
	}

	/** What sending a preview did. */
	enum Sent {

		SENT, NO_SEARCHES, NO_SMTP

	}

	/**
	 * Mails the preview now: it neither counts as this week's digest nor stops it.
	 * @throws MailException if the SMTP server refuses it
	 */
	Sent send(long userId) throws MessagingException {
		JavaMailSender sender = this.senders.getIfAvailable();
		if (sender == null) {
			return Sent.NO_SMTP;
		}
		Shown shown = current(userId);
		if (shown.searches().isEmpty()) {
			return Sent.NO_SEARCHES;
		}
		MimeMessage message = this.mail.message(sender, shown.recipient().email(), shown.digest(),
				shown.recipient().locale());
		message.setSubject(this.messages.getMessage("digest.preview.subject", new Object[] { message.getSubject() },
				shown.recipient().locale()), "UTF-8");
		sender.send(message);
		return Sent.SENT;
	}

}
