package org.vigil.users;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The language and time zone of each signed-in user, read from the account on their next
 * request rather than kept in the session, so a change made in another session, by an
 * admin or by a command applies to every open session. Kept for
 * {@code vigil.users.settings-cache-ttl} so a page costs no query, and forgotten when
 * this instance commits a change to the account.
 */
@Component
class ViewerSettings {

	private static final Logger log = LoggerFactory.getLogger(ViewerSettings.class);

	/** What a page needs to know about its reader. */
	record Preferences(Locale locale, ZoneId zone) {

	}

	private record Entry(Preferences preferences, long loadedAt) {

	}

	private final AccountRepository repository;

	private final long ttlNanos;

	private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

	ViewerSettings(AccountRepository repository, UsersProperties properties) {
		this.repository = repository;
		Duration ttl = properties.settingsCacheTtl();
		this.ttlNanos = (ttl != null) ? ttl.toNanos() : 0;
	}

	/**
	 * The account's language and zone, or empty when the account is gone or the database
	 * cannot be read (the page then falls back to what a visitor gets).
	 */
	Optional<Preferences> of(long accountId) {
		// A monotonic timer, not the clock: this measures age, not a date.
		long now = System.nanoTime();
		Entry entry = this.cache.get(accountId);
		if (entry != null && now - entry.loadedAt() < this.ttlNanos) {
			return Optional.of(entry.preferences());
		}
		try {
			Optional<Preferences> loaded = this.repository.findById(accountId)
				.map(UserAccount::toAccount)
				.map((account) -> new Preferences(account.locale(), account.timeZone()));
			loaded.ifPresentOrElse((preferences) -> this.cache.put(accountId, new Entry(preferences, now)),
					() -> this.cache.remove(accountId));
			return loaded;
		}
		catch (DataAccessException ex) {
			log.debug("Settings of user={} not readable: {}", accountId, ex.getMessage());
			return (entry != null) ? Optional.of(entry.preferences()) : Optional.empty();
		}
	}

	/**
	 * Forgets the account's settings once the running transaction commits (at once when
	 * there is none): forgetting before the commit would let a request in between cache
	 * the old ones again.
	 */
	void forgetAfterCommit(long accountId) {
		this.cache.remove(accountId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					ViewerSettings.this.cache.remove(accountId);
				}

			});
		}
	}

}
