package org.vigil.users;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The accounts in app_user, found by id or by their (lower-case) e-mail address. */
interface AccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByEmail(String email);

	boolean existsByRoleAndEnabledTrue(Role role);

	long countByRoleAndEnabledTrue(Role role);

	/**
	 * Records a login without a new version: logging in is not an edit, and must not make
	 * an admin's open page of this account out of date.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update UserAccount a set a.lastLoginAt = :at where a.id = :id")
	int recordLogin(@Param("id") long id, @Param("at") Instant at);

}
