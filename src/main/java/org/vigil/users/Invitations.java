package org.vigil.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links with which an invited user chooses a password. The token is random (256
 * bits) and only its SHA-256 is stored, so a copy of the database does not open anyone's
 * account; a new invitation replaces the user's earlier unused ones.
 */
@Component
class Invitations {

	private static final SecureRandom random = new SecureRandom();

	private final InvitationRepository repository;

	private final Accounts accounts;

	private final UsersProperties properties;

	private final Clock clock;

	Invitations(InvitationRepository repository, Accounts accounts, UsersProperties properties, Clock clock) {
		this.repository = repository;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	/** An invitation just made: the token exists only here and in the link sent. */
	record Issued(String token, Instant expiresAt) {

		String path() {
			return "/invitations/" + this.token;
		}

	}

	@Transactional
	Issued issue(long userId, Long createdBy) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		Instant expires = now.plus(this.properties.invitationValidity());
		this.repository.deleteUnused(userId);
		this.repository.save(new Invitation(hash(token), userId, createdBy, now, expires));
		return new Issued(token, expires);
	}

	/** The user a valid (unused, unexpired) token invites. */
	@Transactional(readOnly = true)
	Optional<Long> invitee(String token) {
		Instant now = this.clock.instant();
		return this.repository.findById(hash(token))
			.filter((invitation) -> invitation.isUsable(now))
			.map(Invitation::userId);
	}

	/**
	 * Sets the invitee's password and uses the token up, once: of two concurrent
	 * submissions only the first finds the invitation unused.
	 */
	@Transactional
	Optional<Long> accept(String token, String passwordHash) {
		Instant now = this.clock.instant();
		Optional<Invitation> invitation = this.repository.findForUse(hash(token)).filter((found) -> found.use(now));
		invitation.ifPresent((used) -> this.accounts.setPasswordHash(used.userId(), passwordHash));
		return invitation.map(Invitation::userId);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
