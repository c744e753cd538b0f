package org.vigil.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final UsersProperties properties;

	private final Clock clock;

	Invitations(JdbcClient jdbc, UsersProperties properties, Clock clock) {
		this.jdbc = jdbc;
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
		Instant expires = this.clock.instant().plus(this.properties.invitationValidity());
		this.jdbc.sql("delete from user_invitation where user_id = :user and used_at is null")
			.param("user", userId)
			.update();
		this.jdbc.sql("""
				insert into user_invitation (token_hash, user_id, created_by, created_at, expires_at)
				values (:hash, :user, :by, :now, :expires)
				""")
			.param("hash", hash(token))
			.param("user", userId)
			.param("by", createdBy)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("expires", expires.atOffset(ZoneOffset.UTC))
			.update();
		return new Issued(token, expires);
	}

	/** The user a valid (unused, unexpired) token invites. */
	Optional<Long> invitee(String token) {
		return this.jdbc.sql("""
				select user_id from user_invitation
				where token_hash = :hash and used_at is null and expires_at > :now
				""")
			.param("hash", hash(token))
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.optional();
	}

	/**
	 * Sets the invitee's password and uses the token up, once: of two concurrent
	 * submissions only the first finds the row unused.
	 */
	@Transactional
	Optional<Long> accept(String token, String passwordHash) {
		Optional<Long> user = this.jdbc.sql("""
				update user_invitation set used_at = :now
				where token_hash = :hash and used_at is null and expires_at > :now
				returning user_id
				""")
			.param("hash", hash(token))
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.optional();
		user.ifPresent((id) -> this.jdbc.sql("update app_user set password_hash = :hash where id = :id")
			.param("hash", passwordHash)
			.param("id", id)
			.update());
		return user;
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
