package org.vigil.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks and hashes passwords. The rules are NIST SP 800-63B's: a minimum length, no
 * password from a list of the most common ones ({@code db/passwords/common-10k.txt}) and
 * none that is the account's own e-mail address; no composition rules. Hashes are bcrypt
 * behind Spring Security's delegating encoder ({@code {bcrypt}...}), so a stronger
 * algorithm can be introduced later without invalidating stored hashes.
 */
@Component
public class Passwords {

	static final int MIN_LENGTH = 10;

	// bcrypt reads at most 72 bytes; a longer password would be silently truncated.
	static final int MAX_BYTES = 72;

	static final String COMMON_PASSWORDS = "/db/passwords/common-10k.txt";

	private final PasswordEncoder encoder;

	private final Set<String> common;

	Passwords() {
		this.encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		this.common = commonPasswords();
	}

	/** The encoder login checks passwords with. */
	@Bean
	static PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Why the password cannot be used by the account with this e-mail address, or empty
	 * when it can.
	 */
	public Optional<String> problem(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("A password can have at most " + MAX_BYTES + " bytes (about 70 letters).");
		}
		if (password.isBlank()) {
			return Optional.of("A password cannot be only spaces.");
		}
		String folded = password.strip().toLowerCase(Locale.ROOT);
		if (this.common.contains(folded)) {
			return Optional
				.of("This password is one of the 10,000 most common ones, which are tried first;" + " choose another.");
		}
		String address = Accounts.normalizeEmail(email);
		int at = address.indexOf('@');
		if (!address.isEmpty() && (folded.equals(address) || (at > 0 && folded.equals(address.substring(0, at))))) {
			return Optional.of("A password cannot be the e-mail address or the part before its @.");
		}
		return Optional.empty();
	}

	/** Whether the password is the one the hash was made from. */
	public boolean matches(String password, String hash) {
		return password != null && hash != null && this.encoder.matches(password, hash);
	}

	/**
	 * The hash of a password that the account with this e-mail address may use.
	 * @throws AccountProblem if the password is not acceptable
	 */
	public String hash(String password, String email) {
		problem(password, email).ifPresent((problem) -> {
			throw new AccountProblem(problem);
		});
		return this.encoder.encode(password);
	}

	private static Set<String> commonPasswords() {
		InputStream in = Passwords.class.getResourceAsStream(COMMON_PASSWORDS);
		if (in == null) {
			throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the class path");
		}
		Set<String> passwords = new HashSet<>(16_384);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					passwords.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + COMMON_PASSWORDS, ex);
		}
		return Set.copyOf(passwords);
	}

}
