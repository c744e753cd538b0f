package org.vigil.tagging;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.shared.Pools;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.vigil.items.ItemStored;

/**
 * Tags each item after ingest has committed it, on a background thread of its own so that
 * storing items never waits for tagging.
 */
@Component
class ItemStoredListener {

	private static final Logger log = LoggerFactory.getLogger(ItemStoredListener.class);

	private final ItemTagger tagger;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(Pools.daemonThreads("tagging"));

	ItemStoredListener(ItemTagger tagger) {
		this.tagger = tagger;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onItemStored(ItemStored event) {
		this.executor.execute(() -> {
			try {
				int mentions = this.tagger.tag(event.itemId());
				log.debug("Tagged item={} mentions={}", event.itemId(), mentions);
			}
			catch (RuntimeException ex) {
				log.warn("Tagging failed item={}: {}", event.itemId(), ex.toString());
			}
		});
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
