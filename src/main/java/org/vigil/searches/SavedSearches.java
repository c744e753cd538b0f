package org.vigil.searches;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.timeline.TimelineSearch;
import org.vigil.users.Account;
import org.vigil.users.Accounts;

/**
 * Users' saved searches: every method that reads or changes one search takes the owner's
 * user id, so a request for another user's search finds nothing. Edits are refused with a
 * message when the search changed since the edit page was drawn ({@code @Version}).
 */
@Service
@Transactional(readOnly = true)
class SavedSearches {

	private static final Comparator<Owned> BY_OWNER_THEN_NAME = Comparator.comparing(Owned::email)
		.thenComparing((Owned owned) -> owned.search().name().toLowerCase(Locale.ROOT))
		.thenComparing((Owned owned) -> owned.search().id());

	private final SavedSearchRepository repository;

	private final Accounts accounts;

	private final Clock clock;

	SavedSearches(SavedSearchRepository repository, Accounts accounts, Clock clock) {
		this.repository = repository;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The user's searches, by name. */
	List<SavedSearch> list(long userId) {
		return this.repository.findByOwner(userId);
	}

	/** Every search with its owner's e-mail, for the command line. */
	List<Owned> listAll() {
		Map<Long, String> emails = this.accounts.list()
			.stream()
			.collect(Collectors.toMap(Account::id, Account::email, (a, b) -> a));
		return this.repository.findAll()
			.stream()
			.map((search) -> new Owned(emails.getOrDefault(search.userId(), "?"), search))
			.sorted(BY_OWNER_THEN_NAME)
			.toList();
	}

	/** A search and its owner's address. */
	record Owned(String email, SavedSearch search) {

	}

	Optional<SavedSearch> find(long userId, long id) {
		return this.repository.findByIdAndUserId(id, userId);
	}

	Optional<SavedSearch> findByFeedToken(String token) {
		if (token == null || token.isEmpty()) {
			return Optional.empty();
		}
		return this.repository.findByFeedToken(token);
	}

	/**
	 * Stores a new search; it starts "seen now", so only items that arrive later are new.
	 * @throws SearchProblem if the name is empty, too long or already used by this user
	 */
	@Transactional
	SavedSearch create(long userId, String name, TimelineSearch.Checked filter, String notes) {
		SavedSearch search = new SavedSearch(userId, name, filter, notes, this.clock.instant());
		requireFreeName(userId, search.name(), -1);
		try {
			return this.repository.saveAndFlush(search);
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicate(search.name());
		}
	}

	/**
	 * Renames a search, replaces its filter and notes; false if the user has no such
	 * search.
	 * @param seenVersion the version the edit page showed, or null
	 * @throws SearchProblem if a value cannot be kept, the name is taken, or the search
	 * changed since the page was drawn; nothing is changed then
	 */
	@Transactional
	boolean update(long userId, long id, String name, TimelineSearch.Checked filter, String notes, Long seenVersion) {
		return edit(userId, id, seenVersion, (search) -> {
			// Asked before the change: a query after it would flush the changed name
			// first.
			if (name != null) {
				requireFreeName(userId, name.strip(), id);
			}
			search.change(name, filter, notes, this.clock.instant());
			return search;
		}).isPresent();
	}

	@Transactional
	boolean delete(long userId, long id) {
		return this.repository.deleteOwned(userId, id) == 1;
	}

	/** Records that the user looked at the search now. */
	@Transactional
	boolean markSeen(long userId, long id) {
		return this.repository.markSeen(userId, id, this.clock.instant()) == 1;
	}

	/**
	 * Gives the search a new feed token, which also ends the old one; empty if the user
	 * has no such search.
	 */
	@Transactional
	Optional<String> newFeedToken(long userId, long id) {
		return edit(userId, id, null, SavedSearch::newFeedToken);
	}

	@Transactional
	boolean revokeFeedToken(long userId, long id) {
		return edit(userId, id, null, (search) -> {
			search.revokeFeedToken();
			return search;
		}).isPresent();
	}

	/**
	 * Loads, changes and writes one search at once, so the version check of the UPDATE
	 * catches an edit that committed in between.
	 */
	private <T> Optional<T> edit(long userId, long id, Long seenVersion, Function<SavedSearch, T> change) {
		Optional<SavedSearch> found = this.repository.findByIdAndUserId(id, userId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		SavedSearch search = found.get();
		search.requireVersion(seenVersion);
		String nameBefore = search.name();
		T result = change.apply(search);
		try {
			this.repository.saveAndFlush(search);
		}
		catch (OptimisticLockingFailureException ex) {
			throw SavedSearch.changedMeanwhile(nameBefore);
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicate(search.name());
		}
		return Optional.of(result);
	}

	private void requireFreeName(long userId, String name, long exceptId) {
		if (this.repository.existsByUserIdAndNameAndIdNot(userId, name, exceptId)) {
			throw duplicate(name);
		}
	}

	private static SearchProblem duplicate(String name) {
		return new SearchProblem(
				"You already have a saved search called \u201C" + name + "\u201D; choose another name.");
	}

}
