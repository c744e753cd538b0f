package org.vigil.shared;

/**
 * The signed-in account as features that may not depend on {@code users} see it: just the
 * id their per-user rows are scoped by. Controllers take it with
 * {@code @AuthenticationPrincipal SignedInUser user}; it is null for visitors.
 */
public interface SignedInUser {

	/** The account id. */
	long id();

}
