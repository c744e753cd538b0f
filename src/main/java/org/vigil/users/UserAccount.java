package org.vigil.users;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An account as stored in app_user, guarding its own rules: the e-mail address is
 * lower-case and valid, the time zone and language are ones Vigil knows, the digest falls
 * on a weekday and an hour that exist. Other features never see this entity; they get the
 * {@link Account} read model.
 */
@Entity
@Table(name = "app_user")
class UserAccount {

	static final int MAX_DISPLAY_NAME = 200;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String displayName;

	// Null while an invitation is pending: nobody can log in with an empty password.
	private String passwordHash;

	@Convert(converter = Role.Column.class)
	private Role role;

	private boolean enabled;

	private String timeZone;

	private String locale;

	private boolean digestEnabled;

	private short digestDay;

	private short digestHour;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant lastLoginAt;

	@Version
	private long version;

	protected UserAccount() {
	}

	/**
	 * A new, enabled account with the default digest (Monday 07:00) and English dates.
	 * The password hash may be null for an invitation.
	 * @throws AccountProblem if the address or the time zone is not valid
	 */
	UserAccount(String email, String displayName, Role role, String passwordHash, String timeZone, Instant now) {
		String address = normalizeEmail(email);
		if (!EMAIL.matcher(address).matches()) {
			throw new AccountProblem("\u201C" + email + "\u201D is not an e-mail address.");
		}
		this.email = address;
		this.displayName = displayName(displayName);
		this.role = role;
		this.passwordHash = passwordHash;
		this.enabled = true;
		this.timeZone = Accounts.zone(timeZone).getId();
		this.locale = "en";
		this.digestEnabled = true;
		this.digestDay = (short) DayOfWeek.MONDAY.getValue();
		this.digestHour = 7;
		this.createdAt = now;
	}

	static String normalizeEmail(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

	long id() {
		return this.id;
	}

	String email() {
		return this.email;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Role role() {
		return this.role;
	}

	boolean enabled() {
		return this.enabled;
	}

	long version() {
		return this.version;
	}

	boolean isEnabledAdmin() {
		return this.enabled && this.role == Role.ADMIN;
	}

	/**
	 * Refuses an edit made on a page that showed an older state of this account.
	 * @param seen the version the editor's page showed, or null when the client did not
	 * say (the command line)
	 * @throws AccountProblem if the account changed since
	 */
	void requireVersion(Long seen) {
		if (seen != null && seen != this.version) {
			throw Accounts.changedMeanwhile(this.email);
		}
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void changeRole(Role role) {
		this.role = role;
	}

	void changeEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	void disableDigest() {
		this.digestEnabled = false;
	}

	/**
	 * Applies what the user chose on the settings page.
	 * @throws AccountProblem if a value is not one Vigil can use; nothing is changed then
	 */
	void changeSettings(Accounts.Settings settings) {
		if (!Accounts.LOCALES.contains(settings.locale().getLanguage()) || settings.digestHour() < 0
				|| settings.digestHour() > 23
				|| (settings.displayName() != null && settings.displayName().length() > MAX_DISPLAY_NAME)) {
			throw new AccountProblem(
					"Those settings are not valid (language, weekday 1\u20137, hour 0\u201323, name up to 200 characters).");
		}
		this.displayName = displayName(settings.displayName());
		this.timeZone = settings.timeZone().getId();
		this.locale = settings.locale().getLanguage();
		this.digestEnabled = settings.digestEnabled();
		this.digestDay = (short) settings.digestDay().getValue();
		this.digestHour = (short) settings.digestHour();
	}

	/** The language switch in the header: only the language changes. */
	void changeLanguage(Locale language) {
		if (!Accounts.LOCALES.contains(language.getLanguage())) {
			throw new AccountProblem("Vigil has no language \u201C" + language.getLanguage() + "\u201D.");
		}
		this.locale = language.getLanguage();
	}

	Account toAccount() {
		return new Account(this.id, this.email, this.displayName, this.role, this.enabled, this.passwordHash != null,
				ZoneId.of(this.timeZone), Locale.forLanguageTag(this.locale), this.digestEnabled,
				DayOfWeek.of(this.digestDay), this.digestHour, this.createdAt, this.lastLoginAt, this.version);
	}

	private static String displayName(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
