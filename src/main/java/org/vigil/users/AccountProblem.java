package org.vigil.users;

/**
 * Why an account could not be created or changed, in a sentence for the person asking.
 */
public class AccountProblem extends RuntimeException {

	public AccountProblem(String message) {
		super(message);
	}

}
