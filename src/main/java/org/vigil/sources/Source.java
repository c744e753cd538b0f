package org.vigil.sources;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A source Vigil crawls, as an admin edits it: what it is, where its listings are, how to
 * read them, how often. It refuses what would make it uncrawlable (a bad key, kind,
 * schedule, selector or setting), and carries a version so that an admin's edit never
 * silently overwrites another's. Its crawl status is written by the crawl
 * ({@link SourceCrawlStore}) and only read here.
 */
@Entity
@Table(name = "source")
public class Source {

	/** What a source can be: feeds and listings are crawled, the others are not. */
	public static final List<String> KINDS = List.of("feed", "json-listing", "html-listing", "manual", "synthetic");

	/** At most a week between checks: a longer pause is a disabled source. */
	static final int MAX_SCHEDULE_MINUTES = 7 * 24 * 60;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String key;

	private String name;

	private String kind;

	private boolean official;

	@Column(name = "country_code", columnDefinition = "bpchar")
	private String country;

	private String language;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private String[] urls;

	@Convert(converter = SourceJson.SelectorsConverter.class)
	@JdbcTypeCode(SqlTypes.JSON)
	private Selectors selectors;

	@Convert(converter = SourceJson.SettingsConverter.class)
	@JdbcTypeCode(SqlTypes.JSON)
	private SourceSettings settings;

	@Column(name = "schedule_minutes")
	private int scheduleMinutes;

	private boolean enabled;

	@Version
	private long version;

	// The crawl's side of the row: read here, written only by SourceCrawlStore.

	@Column(name = "next_check_at", insertable = false, updatable = false)
	private Instant nextCheckAt;

	@Column(name = "last_attempt_at", insertable = false, updatable = false)
	private Instant lastAttemptAt;

	@Column(name = "last_success_at", insertable = false, updatable = false)
	private Instant lastSuccessAt;

	@Column(name = "consecutive_failures", insertable = false, updatable = false)
	private int consecutiveFailures;

	@Column(name = "last_error", insertable = false, updatable = false)
	private String lastError;

	protected Source() {
	}

	/** A new source as declared; nothing about it is checked yet but its own rules. */
	public Source(SourceDeclaration declaration) {
		this.key = checkedKey(declaration.key());
		apply(declaration);
	}

	/**
	 * Takes what an admin, the command line or a YAML file declares. The key names the
	 * source for good: a declaration of another key is another source.
	 */
	public void apply(SourceDeclaration d) {
		if (!this.key.equals(d.key())) {
			throw new IllegalArgumentException("source " + this.key + ": the key cannot change (to " + d.key() + ")");
		}
		String where = "source " + this.key + ": ";
		if (!KINDS.contains(d.kind())) {
			throw new IllegalArgumentException(where + "kind must be one of " + KINDS + ", not " + d.kind());
		}
		if (d.name() == null || d.name().isBlank()) {
			throw new IllegalArgumentException(where + "a name is required");
		}
		if (d.scheduleMinutes() < 1 || d.scheduleMinutes() > MAX_SCHEDULE_MINUTES) {
			throw new IllegalArgumentException(where + "schedule_minutes must be between 1 and " + MAX_SCHEDULE_MINUTES
					+ " (a week), not " + d.scheduleMinutes());
		}
		if (d.country() != null && !d.country().matches("[A-Z]{2}")) {
			throw new IllegalArgumentException(
					where + "country must be an ISO 3166-1 code such as PL, not " + d.country());
		}
		if (d.language() != null && !d.language().matches("[a-z]{2,3}")) {
			throw new IllegalArgumentException(
					where + "language must be an ISO 639-1 code such as en, not " + d.language());
		}
		if (d.urls().isEmpty() && !List.of("manual", "synthetic").contains(d.kind())) {
			throw new IllegalArgumentException(where + "a " + d.kind() + " needs at least one URL");
		}
		checkSelectors(where, d.selectors());
		this.name = d.name().strip();
		this.kind = d.kind();
		this.official = d.official();
		this.country = d.country();
		this.language = d.language();
		this.urls = d.urls().toArray(String[]::new);
		this.selectors = d.selectors();
		this.settings = d.settings();
		this.scheduleMinutes = d.scheduleMinutes();
		this.enabled = d.enabled();
	}

	public void enable(boolean enabled) {
		this.enabled = enabled;
	}

	private static String checkedKey(String key) {
		if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			throw new IllegalArgumentException("source key must be a lower-case slug (a-z, 0-9, -): " + key);
		}
		return key;
	}

	private static void checkSelectors(String where, Selectors selectors) {
		check(where, "title", selectors.title());
		check(where, "date", selectors.date());
		check(where, "body", selectors.body());
		check(where, "author", selectors.author());
		selectors.remove().forEach((remove) -> check(where, "remove", remove));
	}

	private static void check(String where, String field, String selector) {
		if (selector != null) {
			try {
				CssSelectors.check(selector);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(where + "selector " + field + ": " + ex.getMessage());
			}
		}
	}

	/** What it is and how to read it, as a declaration (for forms and files). */
	public SourceDeclaration declaration() {
		return new SourceDeclaration(this.key, this.name, this.kind, this.official, this.country, this.language, urls(),
				this.selectors, this.settings, this.scheduleMinutes, this.enabled);
	}

	/** The database id; 0 before the source is first saved. */
	public long id() {
		return (this.id != null) ? this.id : 0;
	}

	public String key() {
		return this.key;
	}

	public String name() {
		return this.name;
	}

	public String kind() {
		return this.kind;
	}

	public boolean official() {
		return this.official;
	}

	public String country() {
		return this.country;
	}

	public String language() {
		return this.language;
	}

	public List<String> urls() {
		return (this.urls != null) ? Arrays.asList(this.urls.clone()) : List.of();
	}

	public Selectors selectors() {
		return (this.selectors != null) ? this.selectors : Selectors.NONE;
	}

	public SourceSettings settings() {
		return (this.settings != null) ? this.settings : SourceSettings.NONE;
	}

	/** The zone in which its pages print local dates and times. */
	public ZoneId zone() {
		return settings().zoneOrUtc();
	}

	public int scheduleMinutes() {
		return this.scheduleMinutes;
	}

	public boolean enabled() {
		return this.enabled;
	}

	/** Counts the admin edits; an edit made against an older version is refused. */
	public long version() {
		return this.version;
	}

	public Instant nextCheckAt() {
		return this.nextCheckAt;
	}

	public Instant lastAttemptAt() {
		return this.lastAttemptAt;
	}

	public Instant lastSuccessAt() {
		return this.lastSuccessAt;
	}

	public int consecutiveFailures() {
		return this.consecutiveFailures;
	}

	public String lastError() {
		return this.lastError;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Source source && this.id != null && Objects.equals(this.id, source.id);
	}

	@Override
	public int hashCode() {
		return Source.class.hashCode();
	}

	@Override
	public String toString() {
		return "Source[" + this.key + "]";
	}

}
