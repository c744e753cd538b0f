package org.vigil.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.vigil.shared.StartupProblem;

/**
 * Creates the first admin on start from {@code vigil.users.admin-email} and
 * {@code vigil.users.admin-password} (e.g. the environment variables
 * VIGIL_USERS_ADMIN_EMAIL and VIGIL_USERS_ADMIN_PASSWORD) when no admin exists yet. Once
 * an admin exists the variables are ignored, so changing them later changes nothing.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final UsersProperties properties;

	private final Accounts accounts;

	private final Passwords passwords;

	FirstAdmin(UsersProperties properties, Accounts accounts, Passwords passwords) {
		this.properties = properties;
		this.accounts = accounts;
		this.passwords = passwords;
	}

	@Override
	public void run(ApplicationArguments args) {
		String email = this.properties.adminEmail();
		if (email == null || email.isBlank()) {
			if (!this.accounts.anyAdmin()) {
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
		String problem = this.passwords.problem(this.properties.adminPassword()).orElse(null);
		if (problem != null) {
			throw new StartupProblem("vigil.users.admin-password (VIGIL_USERS_ADMIN_PASSWORD) cannot be used for the"
					+ " first admin " + email + ": " + problem);
		}
		Account admin;
		try {
			admin = this.accounts.create(email, null, Role.ADMIN, this.passwords.hash(this.properties.adminPassword()),
					this.properties.defaultTimeZone());
		}
		catch (AccountProblem ex) {
			throw new StartupProblem("vigil.users.admin-email cannot be used for the first admin: " + ex.getMessage(),
					ex);
		}
		log.info("Created the first admin {} (id {}) from vigil.users.admin-email", admin.email(), admin.id());
	}

}
