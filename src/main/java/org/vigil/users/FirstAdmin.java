package org.vigil.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.vigil.shared.SiteProperties;
import org.vigil.shared.StartupProblem;

/**
 * Creates the first admin on start from {@code vigil.users.admin-email} and
 * {@code vigil.users.admin-password} (e.g. the environment variables
 * VIGIL_USERS_ADMIN_EMAIL and VIGIL_USERS_ADMIN_PASSWORD) when no admin exists yet. Once
 * an admin exists the variables are ignored, so changing them later changes nothing.
 * Without them, a server with no admin prints a one-time setup link in its log, with
 * which the first admin is created in the browser ({@link SetupController}).
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final UsersProperties properties;

	private final Accounts accounts;

	private final Passwords passwords;

	private final ObjectProvider<SetupToken> setupToken;

	private final SiteProperties site;

	FirstAdmin(UsersProperties properties, Accounts accounts, Passwords passwords,
			ObjectProvider<SetupToken> setupToken, SiteProperties site) {
		this.properties = properties;
		this.accounts = accounts;
		this.passwords = passwords;
		this.setupToken = setupToken;
		this.site = site;
	}

	@Override
	public void run(ApplicationArguments args) {
		String email = this.properties.adminEmail();
		if (email == null || email.isBlank()) {
			SetupToken setup = this.setupToken.getIfAvailable();
			if (setup != null) {
				setup.issueIfNoAdmin()
					.ifPresent((token) -> log.warn("There is no admin yet. Open {} to create one (the link works once,"
							+ " until an admin exists; a restart prints a new one), or run 'vigil user add --email E"
							+ " --admin --password-stdin'", this.site.absolute("/setup?token=" + token)));
			}
			else if (!this.accounts.anyAdmin()) {
				log.warn("There is no admin yet: create one with 'vigil user add --email E --admin --password-stdin'"
						+ " or set VIGIL_USERS_ADMIN_EMAIL and VIGIL_USERS_ADMIN_PASSWORD");
			}
			return;
		}
		if (this.accounts.anyAdmin()) {
			return;
		}
		if (this.accounts.findByEmail(email).isPresent()) {
			log.warn("vigil.users.admin-email {} already has an account that is not an admin; it was left as it is",
					email);
			return;
		}
		// A missing or weak password stops the start with the reason: a silent default
		// would be a door left open.
		String problem = this.passwords.problem(this.properties.adminPassword(), email).orElse(null);
		if (problem != null) {
			throw new StartupProblem("vigil.users.admin-password (VIGIL_USERS_ADMIN_PASSWORD) cannot be used for the"
					+ " first admin " + email + ": " + problem);
		}
		Account admin;
		try {
			admin = this.accounts.create(email, null, Role.ADMIN,
					this.passwords.hash(this.properties.adminPassword(), email), this.properties.defaultTimeZone());
		}
		catch (AccountProblem ex) {
			throw new StartupProblem("vigil.users.admin-email cannot be used for the first admin: " + ex.getMessage(),
					ex);
		}
		log.info("Created the first admin {} (id {}) from vigil.users.admin-email", admin.email(), admin.id());
	}

}
