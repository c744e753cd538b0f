package org.vigil.sources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Sources and their crawl status in the {@code source} table. The error counter lives
 * here; how long a failing source waits is the caller's policy.
 */
@Repository
public class SourceRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, key, name, kind, official, country_code, language, urls, selectors::text as selectors, "
			+ "settings::text as settings, schedule_minutes, enabled, next_check_at, last_attempt_at, last_success_at, "
			+ "consecutive_failures, last_error";

	private static final RowMapper<Source> MAPPER = SourceRepository::map;

	private final JdbcTemplate jdbc;

	SourceRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Source> findAll() {
		return this.jdbc.query("select " + COLUMNS + " from source order by key", MAPPER);
	}

	public Optional<Source> findByKey(String key) {
		return this.jdbc.query("select " + COLUMNS + " from source where key = ?", MAPPER, key).stream().findFirst();
	}

	/**
	 * A source as an operator names it on the command line: its key, or its numeric id.
	 */
	public Optional<Source> findByKeyOrId(String keyOrId) {
		return keyOrId.matches("\\d+") ? findById(Long.parseLong(keyOrId)) : findByKey(keyOrId);
	}

	public Optional<Source> findById(long id) {
		return this.jdbc.query("select " + COLUMNS + " from source where id = ?", MAPPER, id).stream().findFirst();
	}

	/** Adds the source, or updates the one with the same key; returns its id. */
	public long save(SourceDeclaration declaration) {
		return upsert(this.jdbc, declaration, true);
	}

	static long upsert(JdbcTemplate jdbc, SourceDeclaration d, boolean replace) {
		String onConflict = replace
				? "on conflict (key) do update set name = excluded.name, kind = excluded.kind, official = excluded.official, "
						+ "country_code = excluded.country_code, language = excluded.language, urls = excluded.urls, "
						+ "selectors = excluded.selectors, settings = excluded.settings, "
						+ "schedule_minutes = excluded.schedule_minutes, enabled = excluded.enabled, updated_at = now()"
				: "on conflict (key) do nothing";
		jdbc.update("insert into source (key, name, kind, official, country_code, language, urls, selectors, settings, "
				+ "schedule_minutes, enabled) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?) "
				+ onConflict, d.key(), d.name(), d.kind(), d.official(), d.country(), d.language(),
				d.urls().toArray(String[]::new), selectorsJson(d.selectors()), JSON.writeValueAsString(d.settings()),
				d.scheduleMinutes(), d.enabled());
		return jdbc.queryForObject("select id from source where key = ?", Long.class, d.key());
	}

	/**
	 * Claims enabled sources that are due, at most {@code limit}, pushing their next
	 * check past the lease so that another instance skips them; {@code SKIP LOCKED} keeps
	 * two instances from claiming the same one.
	 */
	public List<Source> claimDue(Instant now, int limit, Duration lease) {
		return this.jdbc.query("update source set next_check_at = ? where id in (select id from source "
				+ "where enabled and next_check_at <= ? order by next_check_at limit ? for update skip locked) returning "
				+ COLUMNS, MAPPER, Timestamp.from(now.plus(lease)), Timestamp.from(now), limit);
	}

	public void recordSuccess(long id, Instant now) {
		this.jdbc.update("update source set last_attempt_at = ?, last_success_at = ?, consecutive_failures = 0, "
				+ "last_error = null, next_check_at = cast(? as timestamptz) + make_interval(mins => schedule_minutes) where id = ?",
				Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), id);
	}

	/**
	 * Counts a failure; the source is checked less often the more it fails (doubling, at
	 * most a day), never dropped.
	 */
	public void recordFailure(long id, Instant now, String error) {
		this.jdbc.update("update source set last_attempt_at = ?, consecutive_failures = consecutive_failures + 1, "
				+ "last_error = left(?, 2000), next_check_at = cast(? as timestamptz) + least(interval '1 day', "
				+ "make_interval(mins => schedule_minutes) * power(2, least(consecutive_failures, 6))) where id = ?",
				Timestamp.from(now), error, Timestamp.from(now), id);
	}

	/**
	 * Notes what went wrong in a crawl that succeeded as a whole (some articles failed).
	 */
	public void noteProblem(long id, String problem) {
		this.jdbc.update("update source set last_error = left(?, 2000) where id = ?", problem, id);
	}

	public void setEnabled(long id, boolean enabled) {
		this.jdbc.update("update source set enabled = ?, updated_at = now() where id = ?", enabled, id);
	}

	public void scheduleNow(long id, Instant now) {
		this.jdbc.update("update source set next_check_at = ? where id = ?", Timestamp.from(now), id);
	}

	static String selectorsJson(Selectors selectors) {
		Map<String, Object> map = new LinkedHashMap<>();
		putIfSet(map, "title", selectors.title());
		putIfSet(map, "date", selectors.date());
		putIfSet(map, "body", selectors.body());
		putIfSet(map, "author", selectors.author());
		if (!selectors.remove().isEmpty()) {
			map.put("remove", selectors.remove());
		}
		return JSON.writeValueAsString(map);
	}

	private static void putIfSet(Map<String, Object> map, String name, String value) {
		if (value != null && !value.isBlank()) {
			map.put(name, value);
		}
	}

	private static Source map(ResultSet rs, int row) throws SQLException {
		Map<String, Object> selectors = JSON.readValue(rs.getString("selectors"), new TypeReference<>() {
		});
		Map<String, Object> settings = JSON.readValue(rs.getString("settings"), new TypeReference<>() {
		});
		Object remove = selectors.get("remove");
		String[] urls = (String[]) rs.getArray("urls").getArray();
		SourceDeclaration declaration = new SourceDeclaration(rs.getString("key"), rs.getString("name"),
				rs.getString("kind"), rs.getBoolean("official"), rs.getString("country_code"), rs.getString("language"),
				Arrays.asList(urls),
				new Selectors((String) selectors.get("title"), (String) selectors.get("date"),
						(String) selectors.get("body"), (String) selectors.get("author"),
						(remove instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of()),
				settings, rs.getInt("schedule_minutes"), rs.getBoolean("enabled"));
		return new Source(rs.getLong("id"), declaration, instant(rs, "next_check_at"), instant(rs, "last_attempt_at"),
				instant(rs, "last_success_at"), rs.getInt("consecutive_failures"), rs.getString("last_error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
