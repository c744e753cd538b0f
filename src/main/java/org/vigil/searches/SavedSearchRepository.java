package org.vigil.searches;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The saved searches. Every look-up of one search goes by its owner's id as well, so a
 * request for another user's search finds nothing; only the feed goes by its secret token
 * instead.
 */
interface SavedSearchRepository extends JpaRepository<SavedSearch, Long> {

	@Query("select s from SavedSearch s where s.userId = :user order by lower(s.name), s.id")
	List<SavedSearch> findByOwner(@Param("user") long userId);

	Optional<SavedSearch> findByIdAndUserId(long id, long userId);

	Optional<SavedSearch> findByFeedToken(String feedToken);

	boolean existsByUserIdAndNameAndIdNot(long userId, String name, long id);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from SavedSearch s where s.id = :id and s.userId = :user")
	int deleteOwned(@Param("user") long userId, @Param("id") long id);

	/**
	 * Records that the user looked at the search, without a new version: opening a search
	 * is not an edit and must not make an open edit page out of date.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update SavedSearch s set s.lastSeenAt = :now where s.id = :id and s.userId = :user")
	int markSeen(@Param("user") long userId, @Param("id") long id, @Param("now") Instant now);

}
