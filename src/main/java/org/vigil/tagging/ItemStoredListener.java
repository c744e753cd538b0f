package org.vigil.tagging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vigil.items.ItemStored;

/**
 * Tags each item after ingest has committed it, on a thread of its own so that storing
 * items never waits for tagging.
 *
 * <p>
 * The event is durable: it was recorded with the item, and stays incomplete until this
 * method returns, so an exception or a crash here means it is published again at the next
 * start. Tagging replaces the item's mentions, so a second run gives the same tags.
 */
@Component
class ItemStoredListener {

	/**
	 * The name the event publication registry files this listener's publications under;
	 * fixed, so that moving or renaming the method does not orphan outstanding ones.
	 */
	static final String ID = "tagging.item-stored";

	private static final Logger log = LoggerFactory.getLogger(ItemStoredListener.class);

	private final ItemTagger tagger;

	ItemStoredListener(ItemTagger tagger) {
		this.tagger = tagger;
	}

	@ApplicationModuleListener(id = ID)
	void onItemStored(ItemStored event) {
		try {
			int mentions = this.tagger.tag(event.itemId());
			log.debug("Tagged item={} mentions={}", event.itemId(), mentions);
		}
		catch (RuntimeException ex) {
			log.warn("Tagging failed item={}, left for the next start: {}", event.itemId(), ex.toString());
			throw ex;
		}
	}

}
