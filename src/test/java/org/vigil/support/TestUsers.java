package org.vigil.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts made straight in the database for tests, with real bcrypt hashes. */
public final class TestUsers {

	/** The password of every account made here. */
	public static final String PASSWORD = "correct horse battery";

	private static final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private static final String HASH = encoder.encode(PASSWORD);

	private TestUsers() {
	}

	/** An analyst with {@link #PASSWORD}; returns the account id. */
	public static long analyst(JdbcTemplate jdbc, String email) {
		return create(jdbc, email, "analyst");
	}

	/** An admin with {@link #PASSWORD}; returns the account id. */
	public static long admin(JdbcTemplate jdbc, String email) {
		return create(jdbc, email, "admin");
	}

	/** An analyst with {@link #PASSWORD}; returns the account id. */
	public static long analyst(JdbcClient jdbc, String email) {
		return jdbc.sql("insert into app_user (email, role, password_hash) values (?, 'analyst', ?) returning id")
			.params(email, HASH)
			.query(Long.class)
			.single();
	}

	private static long create(JdbcTemplate jdbc, String email, String role) {
		return jdbc.queryForObject("insert into app_user (email, role, password_hash) values (?, ?, ?) returning id",
				Long.class, email, role, HASH);
	}

}
