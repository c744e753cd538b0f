package org.vigil.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The one-time secret of the first-run setup link ({@code /setup?token=...}), printed in
 * the start log while no admin exists, like Jenkins' initial password. Only its SHA-256
 * is kept, in this process's memory: a restart makes a new one, and it is worth nothing
 * once any admin exists or once it has been used.
 */
@Component
@ConditionalOnWebApplication
class SetupToken {

	private static final SecureRandom random = new SecureRandom();

	private final AtomicReference<byte[]> hash = new AtomicReference<>();

	private final Accounts accounts;

	SetupToken(Accounts accounts) {
		this.accounts = accounts;
	}

	/** A new token when there is no admin (replacing any earlier one), else empty. */
	Optional<String> issueIfNoAdmin() {
		if (this.accounts.anyAdmin()) {
			this.hash.set(null);
			return Optional.empty();
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.hash.set(digest(token));
		return Optional.of(token);
	}

	/**
	 * Whether the token opens the setup page: it is the current one and no admin exists.
	 */
	boolean isValid(String token) {
		byte[] current = this.hash.get();
		return token != null && current != null && MessageDigest.isEqual(current, digest(token))
				&& !this.accounts.anyAdmin();
	}

	/**
	 * Uses the token up, once: of two concurrent submissions only one gets true.
	 * {@link #giveBack} returns it when the admin could not be created after all.
	 */
	boolean use(String token) {
		byte[] current = this.hash.get();
		return isValid(token) && this.hash.compareAndSet(current, null);
	}

	void giveBack(String token) {
		this.hash.compareAndSet(null, digest(token));
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
