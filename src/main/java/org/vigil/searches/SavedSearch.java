package org.vigil.searches;

import java.time.Instant;

/**
 * A user's named timeline filter as stored in saved_search.
 *
 * @param parameters the canonical timeline query string (from TimelineSearch.check)
 * @param feedToken the secret of the private Atom feed, null when the feed is off
 * @param lastSeenAt items first seen after this instant count as new
 */
record SavedSearch(long id, long userId, String name, String parameters, String notes, String feedToken,
		Instant lastSeenAt, Instant createdAt, Instant updatedAt) {

}
