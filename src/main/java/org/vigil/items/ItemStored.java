package org.vigil.items;

/**
 * Published after an item is committed, new or with changed content; the tagger listens.
 *
 * @param itemId the stored item
 * @param isNew whether it was seen for the first time (false: its content changed)
 */
public record ItemStored(long itemId, boolean isNew) {

}
