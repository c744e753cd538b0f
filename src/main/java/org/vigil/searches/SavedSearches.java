package org.vigil.searches;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigil.timeline.TimelineSearch;

/**
 * The saved_search rows. Every method that reads or changes one search takes the owner's
 * user id and filters by it, so a request for another user's search finds nothing; only
 * the feed look-up goes by its secret token instead.
 */
@Repository
class SavedSearches {

	static final int MAX_NAME = 200;

	static final int MAX_NOTES = 2000;

	private static final String COLUMNS = """
			id, user_id, name, parameters, notes, feed_token, last_seen_at, created_at, updated_at""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SavedSearches(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Refuses a checked filter with problems (what the timeline would ignore), so that
	 * what is stored is always the canonical form of a filter that means what the user
	 * asked.
	 */
	private static TimelineSearch.Checked withoutProblems(TimelineSearch.Checked checked) {
		if (!checked.problems().isEmpty()) {
			throw new SearchProblem(String.join(" ", checked.problems()));
		}
		return checked;
	}

	/** The user's searches, by name. */
	List<SavedSearch> list(long userId) {
		return this.jdbc.sql("select " + COLUMNS + " from saved_search where user_id = :user order by lower(name), id")
			.param("user", userId)
			.query(SavedSearches::row)
			.list();
	}

	/** Every search with its owner's e-mail, for the command line. */
	List<Owned> listAll() {
		return this.jdbc.sql("select u.email, " + prefixed("s") + """
				 from saved_search s join user_view u on u.id = s.user_id order by u.email, lower(s.name), s.id
				""").query((rs, n) -> new Owned(rs.getString("email"), row(rs, n))).list();
	}

	/** A search and its owner's address. */
	record Owned(String email, SavedSearch search) {

	}

	Optional<SavedSearch> find(long userId, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from saved_search where id = :id and user_id = :user")
			.param("id", id)
			.param("user", userId)
			.query(SavedSearches::row)
			.optional();
	}

	Optional<SavedSearch> findByFeedToken(String token) {
		if (token == null || token.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select " + COLUMNS + " from saved_search where feed_token = :token")
			.param("token", token)
			.query(SavedSearches::row)
			.optional();
	}

	/**
	 * Stores a new search; it starts "seen now", so only items that arrive later are new.
	 * @throws SearchProblem if the name is empty, too long or already used by this user
	 */
	SavedSearch create(long userId, String name, TimelineSearch.Checked filter, String notes) {
		String checkedName = name(name);
		Instant now = this.clock.instant();
		try {
			long id = this.jdbc.sql("""
					insert into saved_search (user_id, name, parameters, notes, last_seen_at, created_at, updated_at)
					values (:user, :name, :parameters, :notes, :now, :now, :now) returning id
					""")
				.param("user", userId)
				.param("name", checkedName)
				.param("parameters", withoutProblems(filter).parameters())
				.param("notes", notes(notes))
				.param("now", utc(now))
				.query(Long.class)
				.single();
			return find(userId, id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(checkedName);
		}
	}

	/**
	 * Renames a search, replaces its filter and notes; false if the user has no such
	 * search.
	 */
	boolean update(long userId, long id, String name, TimelineSearch.Checked filter, String notes) {
		String checkedName = name(name);
		try {
			return this.jdbc.sql("""
					update saved_search set name = :name, parameters = :parameters, notes = :notes, updated_at = :now
					where id = :id and user_id = :user
					""")
				.param("name", checkedName)
				.param("parameters", withoutProblems(filter).parameters())
				.param("notes", notes(notes))
				.param("now", utc(this.clock.instant()))
				.param("id", id)
				.param("user", userId)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(checkedName);
		}
	}

	boolean delete(long userId, long id) {
		return this.jdbc.sql("delete from saved_search where id = :id and user_id = :user")
			.param("id", id)
			.param("user", userId)
			.update() == 1;
	}

	/** Records that the user looked at the search now. */
	boolean markSeen(long userId, long id) {
		return this.jdbc.sql("update saved_search set last_seen_at = :now where id = :id and user_id = :user")
			.param("now", utc(this.clock.instant()))
			.param("id", id)
			.param("user", userId)
			.update() == 1;
	}

	/**
	 * Gives the search a new feed token, which also ends the old one; empty if the user
	 * has no such search.
	 */
	Optional<String> newFeedToken(long userId, long id) {
		String token = token();
		int updated = this.jdbc.sql("update saved_search set feed_token = :token where id = :id and user_id = :user")
			.param("token", token)
			.param("id", id)
			.param("user", userId)
			.update();
		return (updated == 1) ? Optional.of(token) : Optional.empty();
	}

	boolean revokeFeedToken(long userId, long id) {
		return this.jdbc.sql("update saved_search set feed_token = null where id = :id and user_id = :user")
			.param("id", id)
			.param("user", userId)
			.update() == 1;
	}

	/** 32 random bytes, URL-safe: the only thing protecting the feed. */
	private String token() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String name(String name) {
		String stripped = (name != null) ? name.strip() : "";
		if (stripped.isEmpty()) {
			throw new SearchProblem("Give the search a name.");
		}
		if (stripped.length() > MAX_NAME) {
			throw new SearchProblem("A name can have at most " + MAX_NAME + " characters.");
		}
		return stripped;
	}

	private static String notes(String notes) {
		if (notes == null || notes.isBlank()) {
			return null;
		}
		if (notes.length() > MAX_NOTES) {
			throw new SearchProblem("Notes can have at most " + MAX_NOTES + " characters.");
		}
		return notes.strip();
	}

	private static SearchProblem duplicate(String name) {
		return new SearchProblem(
				"You already have a saved search called \u201C" + name + "\u201D; choose another name.");
	}

	private static String prefixed(String alias) {
		return String.join(", ",
				Arrays.stream(COLUMNS.split(",")).map((column) -> alias + "." + column.strip()).toList());
	}

	private static SavedSearch row(ResultSet rs, int n) throws SQLException {
		return new SavedSearch(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
				rs.getString("parameters"), rs.getString("notes"), rs.getString("feed_token"),
				instant(rs, "last_seen_at"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
