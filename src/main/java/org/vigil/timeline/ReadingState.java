package org.vigil.timeline;

import java.util.Set;

/**
 * The viewer's read and starred marks among the items of one page, which the card
 * fragment reads as the model attribute {@code reading}: kept apart from the cards so
 * that every list of cards (timeline, starred, entity pages) gets the same marks from one
 * query. Public so that the template's expressions compile.
 *
 * @param signedIn whether marks can be kept (visitors see every item unread)
 * @param read the ids of the read items
 * @param starred the ids of the starred items
 * @param back the page's own address (path and query), where the cards' forms return to
 * without JavaScript and whose filter "mark all above as read" applies
 * @param markAbove whether the list is in timeline order, so "mark all above as read"
 * makes sense
 */
public record ReadingState(boolean signedIn, Set<Long> read, Set<Long> starred, String back, boolean markAbove) {

	static ReadingState visitor(String back) {
		return new ReadingState(false, Set.of(), Set.of(), back, false);
	}

	ReadingState at(String back, boolean markAbove) {
		return new ReadingState(this.signedIn, this.read, this.starred, back, markAbove);
	}

	public boolean isRead(long itemId) {
		return this.read.contains(itemId);
	}

	public boolean isStarred(long itemId) {
		return this.starred.contains(itemId);
	}

}
