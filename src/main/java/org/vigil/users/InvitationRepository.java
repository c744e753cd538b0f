package org.vigil.users;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Invitations by the hash of their token. */
interface InvitationRepository extends JpaRepository<Invitation, String> {

	/**
	 * The invitation, its row locked until the transaction ends: of two submissions of
	 * one link the second waits here and then finds it used.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invitation i where i.tokenHash = :hash")
	Optional<Invitation> findForUse(@Param("hash") String tokenHash);

	/** Ends a user's unused invitations: a new one replaces them. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("delete from Invitation i where i.userId = :user and i.usedAt is null")
	int deleteUnused(@Param("user") long userId);

}
