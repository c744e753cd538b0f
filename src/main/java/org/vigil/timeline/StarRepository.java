package org.vigil.timeline;

import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

/**
 * The users' stars. Every look-up goes by the owner's id, so one user never reaches
 * another's stars.
 */
interface StarRepository extends JpaRepository<Star, Star.Key> {

	@Query("select s from Star s where s.userId = :user and s.itemId = :item")
	Optional<Star> findOwned(@Param("user") long userId, @Param("item") long itemId);

	@Query("select s from Star s where s.userId = :user order by s.starredAt desc, s.itemId desc")
	List<Star> newestFirst(@Param("user") long userId, Pageable page);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from Star s where s.userId = :user and s.itemId = :item")
	int deleteOwned(@Param("user") long userId, @Param("item") long itemId);

}
