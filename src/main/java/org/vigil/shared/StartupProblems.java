package org.vigil.shared;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the failures an operator can fix (database unreachable, data directory taken,
 * root without user namespaces) into the one sentence that tells what to do.
 */
public final class StartupProblems {

	/** SQLSTATEs of a server that cannot be reached or will not let us in. */
	private static final Set<String> UNREACHABLE = Set.of("28000", "28P01", "3D000");

	private StartupProblems() {
	}

	public static Optional<String> explain(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StartupProblem problem) {
				return Optional.of(problem.getMessage());
			}
			if (cause instanceof SQLException sql && isUnreachable(sql)) {
				return Optional.of("Vigil cannot reach its database (" + firstLine(sql.getMessage())
						+ "); check that PostgreSQL is running and that SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD are right.");
			}
		}
		return Optional.empty();
	}

	private static boolean isUnreachable(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || UNREACHABLE.contains(state));
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no detail";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
