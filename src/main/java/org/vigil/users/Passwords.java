package org.vigil.users;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks and hashes passwords. Hashes are bcrypt behind Spring Security's delegating
 * encoder ({@code {bcrypt}...}), so a stronger algorithm can be introduced later without
 * invalidating stored hashes.
 */
@Component
public class Passwords {

	static final int MIN_LENGTH = 10;

	// bcrypt reads at most 72 bytes; a longer password would be silently truncated.
	static final int MAX_BYTES = 72;

	private final PasswordEncoder encoder;

	Passwords() {
		this.encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** The encoder login checks passwords with. */
	@Bean
	static PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Why the password cannot be used, or empty when it can. */
	public Optional<String> problem(String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("A password can have at most " + MAX_BYTES + " bytes (about 70 letters).");
		}
		if (password.isBlank()) {
			return Optional.of("A password cannot be only spaces.");
		}
		return Optional.empty();
	}

	/** Whether the password is the one the hash was made from. */
	public boolean matches(String password, String hash) {
		return password != null && hash != null && this.encoder.matches(password, hash);
	}

	/**
	 * The hash of an acceptable password.
	 * @throws AccountProblem if the password is not acceptable
	 */
	public String hash(String password) {
		problem(password).ifPresent((problem) -> {
			throw new AccountProblem(problem);
		});
		return this.encoder.encode(password);
	}

}
