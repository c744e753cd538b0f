package org.vigil.shared;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a lost database (refused, reset or closed connections, a server shutting down)
 * from every other failure, whichever layer wrapped it: JDBC, Hikari, Spring's
 * {@code DataAccessException}s, Hibernate, a servlet exception.
 */
public final class DatabaseFailures {

	/** admin_shutdown, crash_shutdown, cannot_connect_now. */
	private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

	private DatabaseFailures() {
	}

	/**
	 * Whether {@code failure} means the database cannot be reached. A pool that only had
	 * no free connection in time says so without an SQLSTATE: that is load, not an
	 * outage.
	 */
	public static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				String state = sql.getSQLState();
				if (state != null && (state.startsWith("08") || SHUTTING_DOWN.contains(state))) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** The first line of the innermost message, for one log line. */
	static String reason(Throwable failure) {
		Throwable innermost = failure;
		while (innermost.getCause() != null && innermost.getCause() != innermost) {
			innermost = innermost.getCause();
		}
		String message = String.valueOf(innermost.getMessage());
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
