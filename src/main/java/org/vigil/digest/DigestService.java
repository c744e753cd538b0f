package org.vigil.digest;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.shared.Pools;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends the weekly digests, exactly once per user and week.
 *
 * <p>
 * A run first records a pending digest_delivery row for every user who is due (insert ...
 * on conflict do nothing: a second instance or a second run adds nothing). Workers then
 * claim batches of rows ({@code for update skip locked}; the row becomes 'sending' under
 * this instance's name until the claim timeout), render them in parallel, hand each batch
 * to the SMTP server over one connection, and mark every row 'sent', 'skipped' (nothing
 * new) or, after a failure, pending again with a back-off or 'failed' after the last
 * attempt. A row left 'sending' by an instance that died is claimed again once its claim
 * has run out, so a restart finishes the run; a 'sent' row is never claimed again. The
 * one window left is between the SMTP server accepting a mail and the row becoming 'sent'
 * (milliseconds): a crash exactly there sends that mail again rather than skipping a
 * user.
 */
public class DigestService {

	private static final Logger log = LoggerFactory.getLogger(DigestService.class);

	private final DigestStore store;

	private final DigestContentQueries content;

	private final DigestComposer composer;

	private final DigestMail mail;

	private final ObjectProvider<JavaMailSender> senders;

	private final DigestProperties properties;

	private final Clock clock;

	private final String instance;

	DigestService(DigestStore store, DigestContentQueries content, DigestComposer composer, DigestMail mail,
			ObjectProvider<JavaMailSender> senders, DigestProperties properties, Clock clock, String instance) {
		this.store = store;
		this.content = content;
		this.composer = composer;
		this.mail = mail;
		this.senders = senders;
		this.properties = properties;
		this.clock = clock;
		this.instance = instance;
	}

	/** The configured instance name, or host and process id. */
	static String defaultInstance(DigestProperties properties) {
		if (properties.instance() != null && !properties.instance().isBlank()) {
			return properties.instance();
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "localhost";
		}
		return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
	}

	String instance() {
		return this.instance;
	}

	/**
	 * What a run did.
	 *
	 * @param runId the digest_run row, or null when nothing was due
	 * @param retrying deliveries that failed and wait for another attempt
	 */
	record Outcome(Long runId, int sent, int skipped, int failed, int retrying) {

		static final Outcome NOTHING = new Outcome(null, 0, 0, 0, 0);

	}

	/**
	 * Sends every digest that is due now (or only the given user's).
	 * @param trigger schedule, command or admin
	 * @param onlyUser a user id, or null for all users
	 */
	Outcome run(String trigger, Long onlyUser) {
		JavaMailSender sender = this.senders.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("No SMTP server is configured (spring.mail.host); no digest was sent.");
		}
		Instant now = this.clock.instant();
		this.store.enqueueDue(now, this.properties.catchUp(), onlyUser);
		if (!this.store.anyClaimable(now, onlyUser)) {
			return Outcome.NOTHING;
		}
		long runId = this.store.startRun(trigger, now, this.instance);
		DigestComposer.Cache cache = new DigestComposer.Cache();
		int threads = Math.max(1, this.properties.threads());
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				running.add(workers.submit(() -> work(sender, runId, onlyUser, cache)));
			}
			for (Future<?> worker : running) {
				try {
					worker.get();
				}
				catch (Exception ex) {
					// the worker's claimed rows stay 'sending' and are taken again when
					// their claim runs out
					log.error("Digest worker failed in run {}", runId, ex);
				}
			}
		}
		finally {
			Pools.close(workers);
		}
		DigestStore.Run run = this.store.finishRun(runId, this.clock.instant());
		log.info("Digest run {} ({}): {} sent, {} skipped, {} failed, {} to retry", runId, trigger, run.sent(),
				run.skipped(), run.failed(), run.retrying());
		return new Outcome(runId, run.sent(), run.skipped(), run.failed(), run.retrying());
	}

	private void work(JavaMailSender sender, long runId, Long onlyUser, DigestComposer.Cache cache) {
		while (true) {
			List<DigestStore.Delivery> batch = this.store.claim(this.instance, this.clock.instant(),
					this.properties.claimTimeout(), this.properties.batchSize(), runId, onlyUser);
			if (batch.isEmpty()) {
				return;
			}
			process(sender, batch, cache);
		}
	}

	private record Ready(DigestStore.Delivery delivery, MimeMessage message, int searches, int items) {

	}

	private void process(JavaMailSender sender, List<DigestStore.Delivery> batch, DigestComposer.Cache cache) {
		List<Long> userIds = batch.stream().map(DigestStore.Delivery::userId).toList();
		Map<Long, DigestContentQueries.Recipient> recipients = this.content.recipients(userIds);
		Map<Long, List<DigestContentQueries.SavedSearch>> searches = this.content.savedSearches(userIds);
		List<Ready> ready = new ArrayList<>(batch.size());
		for (DigestStore.Delivery delivery : batch) {
			DigestContentQueries.Recipient recipient = recipients.get(delivery.userId());
			List<DigestContentQueries.SavedSearch> saved = searches.getOrDefault(delivery.userId(), List.of());
			try {
				if (recipient == null || saved.isEmpty()) {
					// the searches were deleted since the row was recorded: nothing
					// to send
					skip(delivery, saved.size());
					continue;
				}
				Digest digest = this.composer.compose(recipient, saved, delivery.periodStart(), delivery.periodEnd(),
						cache);
				if (digest.isEmpty()) {
					// Documented choice: no mail when no saved search has a new item.
					skip(delivery, saved.size());
					continue;
				}
				ready.add(new Ready(delivery, this.mail.message(sender, recipient.email(), digest, recipient.locale()),
						saved.size(), digest.listedItems()));
			}
			catch (AddressException ex) {
				// retrying cannot fix a malformed address
				this.store.failed(delivery, this.instance, "Invalid address: " + ex.getMessage(), null);
			}
			catch (MessagingException | RuntimeException ex) {
				log.warn("Digest for user={} week={} could not be prepared", delivery.userId(), delivery.week(), ex);
				failed(delivery, ex);
			}
		}
		if (ready.isEmpty()) {
			return;
		}
		Map<Object, Exception> failures = Map.of();
		Exception all = null;
		try {
			// one call, one SMTP connection for the whole batch
			sender.send(ready.stream().map(Ready::message).toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			failures = ex.getFailedMessages();
			if (failures.isEmpty()) {
				all = ex;
			}
		}
		catch (MailException ex) {
			all = ex;
		}
		for (Ready sent : ready) {
			Exception failure = (all != null) ? all : failures.get(sent.message());
			if (failure != null) {
				log.warn("Digest for user={} week={} not accepted by SMTP: {}", sent.delivery().userId(),
						sent.delivery().week(), failure.getMessage());
				failed(sent.delivery(), failure);
			}
			else {
				this.store.finish(sent.delivery(), this.instance, "sent", this.clock.instant(), sent.searches(),
						sent.items(), messageId(sent.message()));
			}
		}
	}

	private void skip(DigestStore.Delivery delivery, int searches) {
		this.store.finish(delivery, this.instance, "skipped", this.clock.instant(), searches, 0, null);
	}

	private void failed(DigestStore.Delivery delivery, Exception ex) {
		Instant retryAt = null;
		if (delivery.attempts() < this.properties.maxAttempts()) {
			Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(delivery.attempts() - 1, 16));
			retryAt = this.clock.instant().plus(wait);
		}
		this.store.failed(delivery, this.instance, describe(ex), retryAt);
	}

	private static String describe(Throwable ex) {
		StringBuilder message = new StringBuilder(String.valueOf(ex.getMessage()));
		Throwable cause = ex.getCause();
		while (cause != null && cause != ex) {
			if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
				message.append(": ").append(cause.getMessage());
			}
			ex = cause;
			cause = cause.getCause();
		}
		return message.toString();
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			return null;
		}
	}

}
