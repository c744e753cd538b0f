package org.vigil.shared;

/**
 * A reason Vigil cannot start that an operator can fix; its message is one sentence
 * saying what is wrong and what to do, shown instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

	public StartupProblem(String message) {
		super(message);
	}

	public StartupProblem(String message, Throwable cause) {
		super(message, cause);
	}

}
