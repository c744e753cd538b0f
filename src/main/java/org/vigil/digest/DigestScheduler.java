package org.vigil.digest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks every minute for users whose digest is due and sends them. Several instances may
 * do this at once: the delivery record makes sure each digest goes out once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = { "vigil.scheduling.enabled", "vigil.digest.enabled" }, havingValue = "true",
		matchIfMissing = true)
class DigestScheduler {

	private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

	private final DigestService digests;

	private final ObjectProvider<JavaMailSender> senders;

	private boolean warned;

	DigestScheduler(DigestService digests, ObjectProvider<JavaMailSender> senders) {
		this.digests = digests;
		this.senders = senders;
	}

	@Scheduled(initialDelayString = "PT20S", fixedDelayString = "${vigil.digest.check-interval:1m}")
	void sendDueDigests() {
		if (this.senders.getIfAvailable() == null) {
			if (!this.warned) {
				log.warn("No SMTP server is configured (spring.mail.host): weekly digests are not sent.");
				this.warned = true;
			}
			return;
		}
		this.digests.run("schedule", null);
	}

}
