package org.vigil.sources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Sources and their crawl status in the {@code source} table. The error counter lives
 * here; how long a failing source waits is the caller's policy. A crawl holds its source
 * by a claim with a short lease ({@link SourceClaim}); the claim's token guards every
 * write of the crawl's outcome.
 */
@Repository
public class SourceRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, key, name, kind, official, country_code, language, urls, selectors::text as selectors, "
			+ "settings::text as settings, schedule_minutes, enabled, next_check_at, last_attempt_at, last_success_at, "
			+ "consecutive_failures, last_error";

	private static final RowMapper<Source> MAPPER = SourceRepository::map;

	private static final String CLAIM = "crawl_claim = gen_random_uuid(), crawl_owner = ?, crawl_started_at = ?, "
			+ "crawl_lease_until = ?, crawl_progress = null";

	private static final String UNCLAIM = "crawl_claim = null, crawl_owner = null, crawl_lease_until = null, "
			+ "crawl_progress = null";

	private static final String CLAIM_COLUMNS = COLUMNS + ", crawl_claim, crawl_owner, crawl_lease_until";

	private static final RowMapper<SourceClaim> CLAIM_MAPPER = (rs, row) -> new SourceClaim(map(rs, row),
			rs.getObject("crawl_claim", UUID.class), rs.getString("crawl_owner"), instant(rs, "crawl_lease_until"));

	private static final String STATE_COLUMNS = "crawl_owner, crawl_started_at, crawl_lease_until, crawl_progress, last_outcome";

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
	 * Claims enabled sources that are due and held by no live lease, at most
	 * {@code limit}; {@code SKIP LOCKED} keeps two instances from claiming the same one.
	 * A lease that ran out (its instance died) no longer holds the source.
	 */
	public List<SourceClaim> claimDue(Instant now, int limit, Duration lease, String owner) {
		return this.jdbc.query("update source set " + CLAIM + " where id in (select id from source "
				+ "where enabled and next_check_at <= ? and (crawl_lease_until is null or crawl_lease_until <= ?) "
				+ "order by next_check_at limit ? for update skip locked) returning " + CLAIM_COLUMNS, CLAIM_MAPPER,
				owner, Timestamp.from(now), Timestamp.from(now.plus(lease)), Timestamp.from(now), Timestamp.from(now),
				limit);
	}

	/**
	 * Claims one source whether due or not, unless a live lease holds it (a crawl is
	 * running there, here or on another instance).
	 */
	public Optional<SourceClaim> claim(long id, Instant now, Duration lease, String owner) {
		return this.jdbc
			.query("update source set " + CLAIM + " where id = (select id from source where id = ? "
					+ "and (crawl_lease_until is null or crawl_lease_until <= ?) for update skip locked) returning "
					+ CLAIM_COLUMNS, CLAIM_MAPPER, owner, Timestamp.from(now), Timestamp.from(now.plus(lease)), id,
					Timestamp.from(now))
			.stream()
			.findFirst();
	}

	/**
	 * Claims one source even from a live lease, for an operator who asked for this crawl
	 * by name; the crawl that held it can no longer write to the source.
	 */
	public Optional<SourceClaim> takeOver(long id, Instant now, Duration lease, String owner) {
		return this.jdbc
			.query("update source set " + CLAIM + " where id = ? returning " + CLAIM_COLUMNS, CLAIM_MAPPER, owner,
					Timestamp.from(now), Timestamp.from(now.plus(lease)), id)
			.stream()
			.findFirst();
	}

	/**
	 * Extends a claim's lease and notes the crawl's progress; false when the claim is no
	 * longer held.
	 */
	public boolean renew(UUID token, Instant now, Duration lease, String progress) {
		return this.jdbc.update("update source set crawl_lease_until = ?, crawl_progress = ? where crawl_claim = ?",
				Timestamp.from(now.plus(lease)), progress, token) == 1;
	}

	/**
	 * Ends a claim without an outcome (the instance is stopping): the source stays due
	 * and is claimed again at once.
	 */
	public boolean release(UUID token) {
		return this.jdbc.update("update source set " + UNCLAIM + " where crawl_claim = ?", token) == 1;
	}

	/**
	 * Ends a claim with a successful crawl: the error counter is reset and the next check
	 * is a schedule away; {@code problem} notes what went wrong in a crawl that worked as
	 * a whole (some articles failed), or is null. False when the claim was no longer
	 * held.
	 */
	public boolean recordSuccess(UUID token, Instant now, String outcome, String problem) {
		return this.jdbc.update("update source set " + UNCLAIM + ", last_attempt_at = ?, last_success_at = ?, "
				+ "consecutive_failures = 0, last_error = left(?, 2000), last_outcome = left(?, 2000), "
				+ "next_check_at = cast(? as timestamptz) + make_interval(mins => schedule_minutes) where crawl_claim = ?",
				Timestamp.from(now), Timestamp.from(now), problem, outcome, Timestamp.from(now), token) == 1;
	}

	/**
	 * Ends a claim with a failed crawl, counting the failure; the source is checked less
	 * often the more it fails (doubling, at most a day), never dropped. False when the
	 * claim was no longer held.
	 */
	public boolean recordFailure(UUID token, Instant now, String error) {
		return this.jdbc.update("update source set " + UNCLAIM + ", last_attempt_at = ?, "
				+ "consecutive_failures = consecutive_failures + 1, last_error = left(?, 2000), "
				+ "last_outcome = left(?, 2000), next_check_at = cast(? as timestamptz) + least(interval '1 day', "
				+ "make_interval(mins => schedule_minutes) * power(2, least(consecutive_failures, 6))) "
				+ "where crawl_claim = ?", Timestamp.from(now), error, "failed: " + error, Timestamp.from(now),
				token) == 1;
	}

	/** How crawling stands for each source, by source id. */
	public Map<Long, CrawlState> crawlStates() {
		Map<Long, CrawlState> states = new HashMap<>();
		this.jdbc.query("select id, " + STATE_COLUMNS + " from source",
				(RowCallbackHandler) (rs) -> states.put(rs.getLong("id"), state(rs)));
		return states;
	}

	public CrawlState crawlState(long id) {
		return this.jdbc.query("select " + STATE_COLUMNS + " from source where id = ?", (rs, row) -> state(rs), id)
			.stream()
			.findFirst()
			.orElse(CrawlState.NONE);
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

	private static CrawlState state(ResultSet rs) throws SQLException {
		return new CrawlState(rs.getString("crawl_owner"), instant(rs, "crawl_started_at"),
				instant(rs, "crawl_lease_until"), rs.getString("crawl_progress"), rs.getString("last_outcome"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
