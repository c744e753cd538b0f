package org.vigil.searches;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vigil.timeline.TimelineSearch;

/**
 * A user's named timeline filter as stored in saved_search, guarding its rules: a name of
 * 1 to 200 characters, notes of at most 2,000, and a filter the timeline accepted without
 * problems, kept in its canonical form so a saved search means exactly what the timeline
 * shows. Accessors are named like a record's, which the pages and commands read.
 */
@Entity
@Table(name = "saved_search")
class SavedSearch {

	static final int MAX_NAME = 200;

	static final int MAX_NOTES = 2000;

	private static final SecureRandom random = new SecureRandom();

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(updatable = false)
	private long userId;

	private String name;

	// The canonical timeline query string (from TimelineSearch.check).
	private String parameters;

	private String notes;

	// The secret of the private Atom feed, null when the feed is off.
	private String feedToken;

	// Items first seen after this instant count as new.
	private Instant lastSeenAt;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected SavedSearch() {
	}

	/**
	 * A new search; it starts "seen now", so only items that arrive later are new.
	 * @throws SearchProblem if the name, the notes or the filter cannot be kept
	 */
	SavedSearch(long userId, String name, TimelineSearch.Checked filter, String notes, Instant now) {
		this.userId = userId;
		this.name = checkedName(name);
		this.parameters = withoutProblems(filter).parameters();
		this.notes = checkedNotes(notes);
		this.lastSeenAt = now;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Renames the search and replaces its filter and notes.
	 * @throws SearchProblem if one of them cannot be kept; nothing is changed then
	 */
	void change(String name, TimelineSearch.Checked filter, String notes, Instant now) {
		String newName = checkedName(name);
		String newParameters = withoutProblems(filter).parameters();
		String newNotes = checkedNotes(notes);
		this.name = newName;
		this.parameters = newParameters;
		this.notes = newNotes;
		this.updatedAt = now;
	}

	/**
	 * Refuses an edit made on a page that showed an older state of this search.
	 * @param seen the version the edit page showed, or null when the client did not say
	 * @throws SearchProblem if the search changed since
	 */
	void requireVersion(Long seen) {
		if (seen != null && seen != this.version) {
			throw changedMeanwhile(this.name);
		}
	}

	static SearchProblem changedMeanwhile(String name) {
		return new SearchProblem("\u201C" + name
				+ "\u201D was changed elsewhere (another tab or device) after this page was opened; reload it to see the change and try again.");
	}

	/**
	 * Gives the search a new feed token, which also ends the old one: 32 random bytes,
	 * URL-safe, the only thing protecting the feed.
	 */
	String newFeedToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		this.feedToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return this.feedToken;
	}

	void revokeFeedToken() {
		this.feedToken = null;
	}

	public long id() {
		return this.id;
	}

	public long userId() {
		return this.userId;
	}

	public String name() {
		return this.name;
	}

	public String parameters() {
		return this.parameters;
	}

	public String notes() {
		return this.notes;
	}

	public String feedToken() {
		return this.feedToken;
	}

	public Instant lastSeenAt() {
		return this.lastSeenAt;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public long version() {
		return this.version;
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

	private static String checkedName(String name) {
		String stripped = (name != null) ? name.strip() : "";
		if (stripped.isEmpty()) {
			throw new SearchProblem("Give the search a name.");
		}
		if (stripped.length() > MAX_NAME) {
			throw new SearchProblem("A name can have at most " + MAX_NAME + " characters.");
		}
		return stripped;
	}

	private static String checkedNotes(String notes) {
		if (notes == null || notes.isBlank()) {
			return null;
		}
		if (notes.length() > MAX_NOTES) {
			throw new SearchProblem("Notes can have at most " + MAX_NOTES + " characters.");
		}
		return notes.strip();
	}

}
