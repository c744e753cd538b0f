package org.vigil.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Durable events (Spring Modulith's event publication registry, table
 * {@code event_publication}).
 *
 * @param republishOnStart whether the web application publishes again, once it has
 * started, every event whose listener did not complete (a crash, an exception)
 * @param completedRetention how long completed publications are kept (for an operator
 * looking into what happened) before they are deleted
 * @param cleanupInterval how often completed publications older than the retention are
 * deleted
 */
@ConfigurationProperties("vigil.events")
public record EventsProperties(@DefaultValue("true") boolean republishOnStart,
		@DefaultValue("7d") Duration completedRetention, @DefaultValue("1h") Duration cleanupInterval) {

	public EventsProperties {
		if (completedRetention.isNegative()) {
			throw new IllegalArgumentException("vigil.events.completed-retention must not be negative");
		}
		if (cleanupInterval.isNegative() || cleanupInterval.isZero()) {
			throw new IllegalArgumentException("vigil.events.cleanup-interval must be positive");
		}
	}

}
