package org.vigil.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** ETag and Last-Modified per fetched URL ({@code fetch_state}), for conditional GET. */
@Repository
class FetchStates {

	record State(String etag, String lastModified) {

		static final State NONE = new State(null, null);

	}

	private final JdbcTemplate jdbc;

	FetchStates(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	State get(String url) {
		List<State> states = this.jdbc.query("select etag, last_modified from fetch_state where url = ?",
				(rs, row) -> new State(rs.getString(1), rs.getString(2)), url);
		return states.isEmpty() ? State.NONE : states.get(0);
	}

	/** Remembers validators; only called once what the response led to is stored. */
	void put(String url, long sourceId, Fetched fetched, Instant now) {
		if (fetched.etag() == null && fetched.lastModified() == null) {
			return;
		}
		this.jdbc
			.update("insert into fetch_state (url, source_id, etag, last_modified, fetched_at) values (?, ?, ?, ?, ?) "
					+ "on conflict (url) do update set etag = excluded.etag, last_modified = excluded.last_modified, "
					+ "fetched_at = excluded.fetched_at, source_id = excluded.source_id", url, sourceId, fetched.etag(),
					fetched.lastModified(), Timestamp.from(now));
	}

}
