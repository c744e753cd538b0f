package org.vigil.timeline;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An item a user keeps, with an optional note of at most 2,000 characters; one per user
 * and item. Accessors are named like a record's, which the Starred page reads.
 */
@Entity
@Table(name = "item_star")
@IdClass(Star.Key.class)
class Star {

	static final int MAX_NOTE = 2000;

	@Id
	@Column(updatable = false)
	private long userId;

	@Id
	@Column(updatable = false)
	private long itemId;

	private String note;

	@Column(updatable = false)
	private Instant starredAt;

	@Version
	private long version;

	protected Star() {
	}

	Star(long userId, long itemId, Instant now) {
		this.userId = userId;
		this.itemId = itemId;
		this.starredAt = now;
	}

	/**
	 * Replaces the note; blank clears it.
	 * @throws IllegalArgumentException if it is longer than {@link #MAX_NOTE}
	 */
	void note(String note) {
		String stripped = (note != null) ? note.strip() : "";
		if (stripped.length() > MAX_NOTE) {
			throw new IllegalArgumentException("A note holds at most " + MAX_NOTE + " characters.");
		}
		this.note = stripped.isEmpty() ? null : stripped;
	}

	long userId() {
		return this.userId;
	}

	long itemId() {
		return this.itemId;
	}

	String note() {
		return this.note;
	}

	Instant starredAt() {
		return this.starredAt;
	}

	/** The primary key (user_id, item_id). */
	static class Key implements Serializable {

		private long userId;

		private long itemId;

		protected Key() {
		}

		Key(long userId, long itemId) {
			this.userId = userId;
			this.itemId = itemId;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.userId == this.userId && key.itemId == this.itemId;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.userId, this.itemId);
		}

	}

}
