package org.vigil.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe tokens: {@code <user id>.<HMAC-SHA256 of it>}, keyed with the
 * 'digest' secret of signing_key so that every instance makes and accepts the same links,
 * and nobody can unsubscribe someone else by changing the id.
 */
@Component
class UnsubscribeTokens {

	private static final String PURPOSE = "vigil-digest-unsubscribe:";

	private final DigestStore store;

	private volatile SecretKeySpec key;

	UnsubscribeTokens(DigestStore store) {
		this.store = store;
	}

	String token(long userId) {
		return userId + "." + signature(userId);
	}

	/** The user id a token was made for, or empty when it is not one of ours. */
	OptionalLong verify(String token) {
		int dot = (token != null) ? token.indexOf('.') : -1;
		if (dot <= 0 || token.length() > 200) {
			return OptionalLong.empty();
		}
		long userId;
		try {
			userId = Long.parseLong(token.substring(0, dot));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
		boolean valid = MessageDigest.isEqual(signature(userId).getBytes(StandardCharsets.US_ASCII),
				token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
		return valid ? OptionalLong.of(userId) : OptionalLong.empty();
	}

	private String signature(long userId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			byte[] signature = mac.doFinal((PURPOSE + userId).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = this.key;
		if (current == null) {
			current = new SecretKeySpec(this.store.signingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			this.key = current;
		}
		return current;
	}

}
