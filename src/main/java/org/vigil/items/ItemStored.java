package org.vigil.items;

/**
 * Published in the transaction that stores an item, new or with changed content (or
 * edited); the tagger listens. Recorded in the event publication registry with the item
 * and published again at start until its listener completes, so listeners must be
 * idempotent.
 *
 * @param itemId the stored item
 * @param isNew whether it was seen for the first time (false: its content changed)
 */
public record ItemStored(long itemId, boolean isNew) {

}
