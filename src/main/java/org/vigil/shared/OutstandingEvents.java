package org.vigil.shared;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Publishes again, once the web application has started, every event whose listener did
 * not complete — the process stopped or crashed while it ran, or it threw — and says how
 * many there were; the number waiting is the gauge {@code vigil.events.incomplete}.
 *
 * <p>
 * This replaces Modulith's {@code republish-outstanding-events-on-restart}, which runs in
 * every context, a one-off command's too: a command exits seconds later, and events it
 * republished and did not finish would stay {@code RESUBMITTED}, a state Modulith never
 * resubmits again. Here only the long-running application republishes, and publications
 * an earlier process left {@code RESUBMITTED} are included. Another instance may be
 * running one of them at that moment; listeners are idempotent, so it runs twice at
 * worst.
 */
@Component
@ConditionalOnWebApplication
class OutstandingEvents implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);

	private final JdbcTemplate jdbc;

	private final IncompleteEventPublications incomplete;

	private final EventsProperties properties;

	OutstandingEvents(JdbcTemplate jdbc, IncompleteEventPublications incomplete, EventsProperties properties) {
		this.jdbc = jdbc;
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void republish() {
		int[] counts = this.jdbc
			.queryForObject("select count(*), count(*) filter (where status = 'FAILED') from event_publication "
					+ "where completion_date is null", (rs, row) -> new int[] { rs.getInt(1), rs.getInt(2) });
		if (counts[0] == 0) {
			log.info("Event publications: none incomplete");
			return;
		}
		if (!this.properties.republishOnStart()) {
			log.warn("Event publications: {} incomplete ({} failed), not republished (vigil.events.republish-on-start"
					+ "=false)", counts[0], counts[1]);
			return;
		}
		log.info("Event publications: {} incomplete ({} failed), publishing them again", counts[0], counts[1]);
		this.jdbc.update("update event_publication set status = 'FAILED' "
				+ "where completion_date is null and status = 'RESUBMITTED'");
		this.incomplete.resubmitIncompletePublications((publication) -> true);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("vigil.events.incomplete", this::countIncomplete)
			.description("Event publications whose listener has not completed (republished at start)")
			.register(registry);
	}

	private double countIncomplete() {
		Integer count = this.jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
				Integer.class);
		return (count != null) ? count : 0;
	}

}
