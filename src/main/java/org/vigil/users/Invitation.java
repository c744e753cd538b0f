package org.vigil.users;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A one-time link with which an invited user chooses a password, as stored in
 * user_invitation: only the token's SHA-256 is kept. It opens the account until it
 * expires, and only once.
 */
@Entity
@Table(name = "user_invitation")
class Invitation implements Persistable<String> {

	@Id
	private String tokenHash;

	@Column(name = "user_id", updatable = false)
	private long userId;

	@Column(updatable = false)
	private Long createdBy;

	@Column(updatable = false)
	private Instant createdAt;

	@Column(updatable = false)
	private Instant expiresAt;

	private Instant usedAt;

	// The id is the token's hash, known before the insert: this tells Spring Data to
	// persist a new invitation rather than look for it first.
	@Transient
	private boolean isNew;

	protected Invitation() {
	}

	Invitation(String tokenHash, long userId, Long createdBy, Instant createdAt, Instant expiresAt) {
		if (!expiresAt.isAfter(createdAt)) {
			throw new IllegalArgumentException("An invitation must expire after it is made");
		}
		this.tokenHash = tokenHash;
		this.userId = userId;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.isNew = true;
	}

	long userId() {
		return this.userId;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	/** Unused and not expired at that instant. */
	boolean isUsable(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

	/**
	 * Uses the invitation up.
	 * @return false, changing nothing, if it was used already or has expired
	 */
	boolean use(Instant now) {
		if (!isUsable(now)) {
			return false;
		}
		this.usedAt = now;
		return true;
	}

	@Override
	public String getId() {
		return this.tokenHash;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.isNew = false;
	}

}
