package org.vigil.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes completed event publications once they are older than
 * {@code vigil.events.completed-retention}: every stored item leaves one, and the table
 * would otherwise grow with the items.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "vigil.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class CompletedEventsCleanup {

	private static final Logger log = LoggerFactory.getLogger(CompletedEventsCleanup.class);

	private final CompletedEventPublications completed;

	private final EventsProperties properties;

	CompletedEventsCleanup(CompletedEventPublications completed, EventsProperties properties) {
		this.completed = completed;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "${vigil.events.cleanup-interval:1h}")
	void deleteOldCompletedPublications() {
		this.completed.deletePublicationsOlderThan(this.properties.completedRetention());
		log.debug("Deleted completed event publications older than {}", this.properties.completedRetention());
	}

}
