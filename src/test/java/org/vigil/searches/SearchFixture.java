package org.vigil.searches;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.support.TestRows;

/**
 * Test rows for saved searches: those of {@link TestRows} and saved searches themselves.
 */
final class SearchFixture extends TestRows {

	SearchFixture(JdbcClient jdbc) {
		super(jdbc);
	}

	/** A saved search inserted directly, as the digest's tests do. */
	long savedSearch(long userId, String name, String parameters, Instant lastSeen) {
		return this.jdbc.sql("""
				insert into saved_search (user_id, name, parameters, last_seen_at) values (:user, :name, :p, :seen)
				returning id
				""")
			.param("user", userId)
			.param("name", name)
			.param("p", parameters)
			.param("seen", lastSeen.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

}
