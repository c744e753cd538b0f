package org.vigil.timeline;

import java.util.List;

import org.springframework.stereotype.Component;
import org.vigil.shared.SignedInUser;

/**
 * What the pages that list items need of the reader's marks: the viewer's marks among the
 * page's items, and the link that turns "unread only" on or off.
 */
@Component
class Reading {

	private final ReadMarks marks;

	Reading(ReadMarks marks) {
		this.marks = marks;
	}

	/** The viewer's marks among the items; none for a visitor. */
	ReadingState of(SignedInUser user, List<Long> itemIds) {
		return (user != null) ? this.marks.among(user.id(), itemIds) : ReadingState.visitor("/");
	}

	/**
	 * The same timeline with "unread only" switched, first page; null for a visitor, who
	 * has no read marks.
	 */
	UnreadToggle unreadToggle(SignedInUser user, TimelineFilter filter) {
		if (user == null) {
			return null;
		}
		boolean on = filter.reader() != null;
		String url = on ? TimelineUrls.removing(filter, "unread", null) : TimelineUrls.adding(filter, "unread", "1");
		return new UnreadToggle(on, url);
	}

	/** The "unread only" switch: whether it is on and the link that flips it. */
	public record UnreadToggle(boolean on, String url) {

	}

}
