package org.vigil.users;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts for form login. An invited user who has not chosen a password yet cannot
 * log in: they are reported as unknown, like any wrong address, so the login form does
 * not tell which addresses have accounts.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final Accounts accounts;

	AccountUserDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public VigilUser loadUserByUsername(String email) {
		return this.accounts.credentials(email)
			.filter((credentials) -> credentials.passwordHash() != null)
			.map((credentials) -> new VigilUser(credentials.id(), credentials.email(), credentials.role(),
					credentials.enabled(), credentials.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No account can log in as " + email));
	}

}
