package org.vigil.users;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts: look-ups for login and for the other features (as {@link Account}
 * records), creation, and the edits users and admins make. Each edit loads the
 * {@link UserAccount}, lets it check its rules and is refused with a message when the
 * account changed since the editor's page was drawn ({@code @Version}). Vigil never loses
 * its last admin.
 */
@Service
@Transactional(readOnly = true)
public class Accounts {

	/** Languages Vigil formats dates in. */
	public static final List<String> LOCALES = List.of("en", "pl", "ro", "de", "fr");

	private static final Comparator<UserAccount> ADMINS_FIRST = Comparator
		.comparing((UserAccount account) -> account.role() != Role.ADMIN)
		.thenComparing(UserAccount::email);

	private final AccountRepository repository;

	private final Clock clock;

	/** Absent in slices that test accounts without the web: nothing is cached there. */
	private final ObjectProvider<ViewerSettings> viewerSettings;

	Accounts(AccountRepository repository, Clock clock, ObjectProvider<ViewerSettings> viewerSettings) {
		this.repository = repository;
		this.clock = clock;
		this.viewerSettings = viewerSettings;
	}

	public Optional<Account> find(long id) {
		return this.repository.findById(id).map(UserAccount::toAccount);
	}

	public Optional<Account> findByEmail(String email) {
		return this.repository.findByEmail(normalizeEmail(email)).map(UserAccount::toAccount);
	}

	/** Every account, admins first, then by e-mail. */
	public List<Account> list() {
		return this.repository.findAll().stream().sorted(ADMINS_FIRST).map(UserAccount::toAccount).toList();
	}

	boolean anyAdmin() {
		return this.repository.existsByRoleAndEnabledTrue(Role.ADMIN);
	}

	/**
	 * What login needs: the hash is null for an invited user who has not set a password.
	 */
	record Credentials(long id, String email, String passwordHash, Role role, boolean enabled) {

	}

	Optional<Credentials> credentials(String email) {
		return this.repository.findByEmail(normalizeEmail(email))
			.map((account) -> new Credentials(account.id(), account.email(), account.passwordHash(), account.role(),
					account.enabled()));
	}

	/**
	 * Creates an account. The password hash may be null for an invitation.
	 * @throws AccountProblem if the address is not valid or already has an account
	 */
	@Transactional
	public Account create(String email, String displayName, Role role, String passwordHash, String timeZone) {
		UserAccount account = new UserAccount(email, displayName, role, passwordHash, timeZone, this.clock.instant());
		if (this.repository.findByEmail(account.email()).isPresent()) {
			throw duplicate(account.email());
		}
		try {
			return this.repository.saveAndFlush(account).toAccount();
		}
		catch (DataIntegrityViolationException ex) {
			// Two requests for one address at once: the unique index decides.
			throw duplicate(account.email());
		}
	}

	@Transactional
	void setPasswordHash(long id, String passwordHash) {
		edit(id, null, (account) -> account.changePasswordHash(passwordHash));
	}

	/**
	 * Gives an account another role.
	 * @param seenVersion the version the admin's page showed, or null
	 * @throws AccountProblem if it would demote the last admin, or the account changed
	 * since the page was drawn
	 */
	@Transactional
	void setRole(long id, Role role, Long seenVersion) {
		edit(id, seenVersion, (account) -> {
			if (role != Role.ADMIN && account.isEnabledAdmin()) {
				requireAnotherAdmin();
			}
			account.changeRole(role);
		});
	}

	/**
	 * Enables or disables an account: a disabled one cannot log in and receives no mail.
	 * @throws AccountProblem if it would disable the last admin, or the account changed
	 * since the page was drawn
	 */
	@Transactional
	void setEnabled(long id, boolean enabled, Long seenVersion) {
		edit(id, seenVersion, (account) -> {
			if (!enabled && account.isEnabledAdmin()) {
				requireAnotherAdmin();
			}
			account.changeEnabled(enabled);
		});
	}

	@Transactional
	void recordLogin(long id, Instant at) {
		this.repository.recordLogin(id, at);
	}

	/** What a user changes on the settings page. */
	public record Settings(String displayName, ZoneId timeZone, Locale locale, boolean digestEnabled,
			DayOfWeek digestDay, int digestHour) {

	}

	/**
	 * Saves the user's settings.
	 * @param seenVersion the version the settings page showed, or null
	 * @throws AccountProblem if a setting is not valid or the account changed since the
	 * page was drawn; nothing is changed then
	 */
	@Transactional
	public void updateSettings(long id, Settings settings, Long seenVersion) {
		edit(id, seenVersion, (account) -> account.changeSettings(settings));
	}

	/**
	 * Saves the language chosen with the header's switch.
	 * @throws AccountProblem if Vigil has no such language
	 */
	@Transactional
	public void changeLanguage(long id, Locale language) {
		edit(id, null, (account) -> account.changeLanguage(language));
	}

	/** Turns the weekly digest off: what the unsubscribe link does. */
	@Transactional
	public void disableDigest(long id) {
		edit(id, null, UserAccount::disableDigest);
	}

	static String normalizeEmail(String email) {
		return UserAccount.normalizeEmail(email);
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

	static AccountProblem changedMeanwhile(String email) {
		return new AccountProblem("The account " + email
				+ " was changed by someone else after this page was opened; reload the page to see the change and try again.");
	}

	private interface Edit {

		void apply(UserAccount account);

	}

	/**
	 * Loads, changes and writes one account at once, so the version check of the UPDATE
	 * ({@code where version = ?}) catches an edit that committed in between.
	 */
	private void edit(long id, Long seenVersion, Edit edit) {
		UserAccount account = this.repository.findById(id)
			.orElseThrow(() -> new AccountProblem("There is no such account."));
		account.requireVersion(seenVersion);
		edit.apply(account);
		try {
			this.repository.saveAndFlush(account);
		}
		catch (OptimisticLockingFailureException ex) {
			throw changedMeanwhile(account.email());
		}
		this.viewerSettings.ifAvailable((settings) -> settings.forgetAfterCommit(id));
	}

	private void requireAnotherAdmin() {
		if (this.repository.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
			throw new AccountProblem("That is the last admin; make another admin first.");
		}
	}

	private static AccountProblem duplicate(String address) {
		return new AccountProblem("There is already an account for " + address + ".");
	}

}
