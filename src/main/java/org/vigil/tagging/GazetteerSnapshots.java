package org.vigil.tagging;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Holds the compiled {@link Gazetteer} in memory and rebuilds it when the database's
 * gazetteer version moves on (an admin edit, an accepted candidate).
 */
@Component
class GazetteerSnapshots {

	private static final Logger log = LoggerFactory.getLogger(GazetteerSnapshots.class);

	private final GazetteerRepository repository;

	private final AtomicReference<Gazetteer> current = new AtomicReference<>();

	GazetteerSnapshots(GazetteerRepository repository) {
		this.repository = repository;
	}

	/** The current snapshot, reloaded first if the gazetteer changed. */
	Gazetteer current() {
		long version = this.repository.version();
		Gazetteer snapshot = this.current.get();
		if (snapshot == null || snapshot.version != version) {
			synchronized (this) {
				snapshot = this.current.get();
				if (snapshot == null || snapshot.version != version) {
					long started = System.nanoTime();
					snapshot = new Gazetteer(this.repository.load(), version);
					this.current.set(snapshot);
					log.info("Gazetteer loaded: version={} entities={} millis={}", version, snapshot.entityCount(),
							(System.nanoTime() - started) / 1_000_000);
				}
			}
		}
		return snapshot;
	}

}
