package org.vigil.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts in app_user: look-ups for login and for the other features, creation, and
 * the settings a user changes. E-mail addresses are stored lower-case; they are the login
 * name.
 */
@Repository
public class Accounts {

	/** Languages Vigil formats dates in. */
	public static final List<String> LOCALES = List.of("en", "pl", "ro", "de", "fr");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private static final String COLUMNS = """
			id, email, display_name, role, enabled, password_hash is not null as activated, time_zone, locale,
			digest_enabled, digest_day, digest_hour, created_at, last_login_at""";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Account> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from app_user where id = :id")
			.param("id", id)
			.query(Accounts::account)
			.optional();
	}

	public Optional<Account> findByEmail(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from app_user where email = :email")
			.param("email", normalizeEmail(email))
			.query(Accounts::account)
			.optional();
	}

	/** Every account, admins first, then by e-mail. */
	public List<Account> list() {
		return this.jdbc.sql("select " + COLUMNS + " from app_user order by role = 'admin' desc, email")
			.query(Accounts::account)
			.list();
	}

	boolean anyAdmin() {
		return this.jdbc.sql("select exists (select 1 from app_user where role = 'admin' and enabled)")
			.query(Boolean.class)
			.single();
	}

	/**
	 * What login needs: the hash is null for an invited user who has not set a password.
	 */
	record Credentials(long id, String email, String passwordHash, Role role, boolean enabled) {

	}

	Optional<Credentials> credentials(String email) {
		return this.jdbc.sql("select id, email, password_hash, role, enabled from app_user where email = :email")
			.param("email", normalizeEmail(email))
			.query((rs, n) -> new Credentials(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
					Role.ofColumn(rs.getString("role")), rs.getBoolean("enabled")))
			.optional();
	}

	/**
	 * Creates an account. The password hash may be null for an invitation.
	 * @throws AccountProblem if the address is not valid or already has an account
	 */
	@Transactional
	public Account create(String email, String displayName, Role role, String passwordHash, String timeZone) {
		String address = normalizeEmail(email);
		if (!EMAIL.matcher(address).matches()) {
			throw new AccountProblem("\u201C" + email + "\u201D is not an e-mail address.");
		}
		try {
			long id = this.jdbc.sql("""
					insert into app_user (email, display_name, role, password_hash, time_zone)
					values (:email, :name, :role, :hash, :zone) returning id
					""")
				.param("email", address)
				.param("name", blankToNull(displayName))
				.param("role", role.column())
				.param("hash", passwordHash)
				.param("zone", zone(timeZone).getId())
				.query(Long.class)
				.single();
			return find(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw new AccountProblem("There is already an account for " + address + ".");
		}
	}

	void setPasswordHash(long id, String passwordHash) {
		this.jdbc.sql("update app_user set password_hash = :hash where id = :id")
			.param("hash", passwordHash)
			.param("id", id)
			.update();
	}

	void setRole(long id, Role role) {
		this.jdbc.sql("update app_user set role = :role where id = :id")
			.param("role", role.column())
			.param("id", id)
			.update();
	}

	void setEnabled(long id, boolean enabled) {
		this.jdbc.sql("update app_user set enabled = :enabled where id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update();
	}

	void recordLogin(long id, Instant at) {
		this.jdbc.sql("update app_user set last_login_at = :at where id = :id")
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	/** What a user changes on the settings page. */
	public record Settings(String displayName, ZoneId timeZone, Locale locale, boolean digestEnabled,
			DayOfWeek digestDay, int digestHour) {

	}

	public void updateSettings(long id, Settings settings) {
		this.jdbc.sql("""
				update app_user set display_name = :name, time_zone = :zone, locale = :locale,
				  digest_enabled = :digest, digest_day = :day, digest_hour = :hour
				where id = :id
				""")
			.param("name", blankToNull(settings.displayName()))
			.param("zone", settings.timeZone().getId())
			.param("locale", settings.locale().getLanguage())
			.param("digest", settings.digestEnabled())
			.param("day", settings.digestDay().getValue())
			.param("hour", settings.digestHour())
			.param("id", id)
			.update();
	}

	/** Turns the weekly digest off: what the unsubscribe link does. */
	public void disableDigest(long id) {
		this.jdbc.sql("update app_user set digest_enabled = false where id = :id").param("id", id).update();
	}

	static String normalizeEmail(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * A time zone from its IANA name.
	 * @throws AccountProblem if there is no such zone
	 */
	public static ZoneId zone(String name) {
		try {
			return ZoneId.of(name);
		}
		catch (DateTimeException | NullPointerException ex) {
			throw new AccountProblem("\u201C" + name + "\u201D is not a time zone such as Europe/Warsaw or UTC.");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Account account(ResultSet rs, int n) throws SQLException {
		OffsetDateTime lastLogin = rs.getObject("last_login_at", OffsetDateTime.class);
		return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
				Role.ofColumn(rs.getString("role")), rs.getBoolean("enabled"), rs.getBoolean("activated"),
				ZoneId.of(rs.getString("time_zone")), Locale.forLanguageTag(rs.getString("locale")),
				rs.getBoolean("digest_enabled"), DayOfWeek.of(rs.getInt("digest_day")), rs.getInt("digest_hour"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				(lastLogin != null) ? lastLogin.toInstant() : null);
	}

}
