package org.vigil.timeline;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starring, unstarring and annotating items, each scoped to the user doing it. */
@Service
class Stars {

	private final StarRepository repository;

	private final Clock clock;

	Stars(StarRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Stars the item (again: keeps the first star and its note) and returns it.
	 * @throws DataIntegrityViolationException if there is no such item
	 */
	@Transactional
	Star star(long userId, long itemId) {
		return this.repository.findOwned(userId, itemId)
			.orElseGet(() -> this.repository.saveAndFlush(new Star(userId, itemId, this.clock.instant())));
	}

	@Transactional
	boolean unstar(long userId, long itemId) {
		return this.repository.deleteOwned(userId, itemId) > 0;
	}

	/** Stars the item if need be and sets its note (blank clears it). */
	@Transactional
	Star note(long userId, long itemId, String note) {
		Star star = star(userId, itemId);
		star.note(note);
		return this.repository.saveAndFlush(star);
	}

	@Transactional(readOnly = true)
	Optional<Star> find(long userId, long itemId) {
		return this.repository.findOwned(userId, itemId);
	}

	@Transactional(readOnly = true)
	List<Star> newestFirst(long userId, int limit) {
		return this.repository.newestFirst(userId, PageRequest.of(0, limit));
	}

}
