package org.vigil.shared;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What an operator needs from an exception chain: the deepest cause that says something
 * ("ConnectException: Connection refused", "UnknownHostException: nato.invalid"), not the
 * wrapper a library threw on top of it with no message of its own.
 */
public final class RootCause {

	private RootCause() {
	}

	/**
	 * The deepest cause with a message, as {@code Type: message}; the deepest type's name
	 * when no cause has a message.
	 */
	public static String of(Throwable ex) {
		Throwable deepest = ex;
		Throwable withMessage = null;
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable current = ex; current != null && seen.put(current, true) == null; current = current.getCause()) {
			deepest = current;
			if (current.getMessage() != null && !current.getMessage().isBlank()) {
				withMessage = current;
			}
		}
		if (withMessage == null) {
			// The JDK's HTTP client throws a ConnectException without a message over a
			// ClosedChannelException without one either: name what the types mean.
			for (Throwable current = ex; current != null; current = current.getCause()) {
				String meaning = SILENT.get(current.getClass().getSimpleName());
				if (meaning != null) {
					return current.getClass().getSimpleName() + ": " + meaning;
				}
				if (current.getCause() == current) {
					break;
				}
			}
		}
		Throwable chosen = (withMessage != null) ? withMessage : deepest;
		String message = chosen.getMessage();
		String type = chosen.getClass().getSimpleName();
		return (message == null || message.isBlank()) ? type : type + ": " + firstLine(message);
	}

	/** What exceptions thrown without a message mean. */
	private static final Map<String, String> SILENT = Map.of("ConnectException", "Connection refused",
			"UnresolvedAddressException", "unknown host", "HttpConnectTimeoutException", "connection timed out",
			"NoRouteToHostException", "no route to host");

	/**
	 * The exception's own message, followed by its root cause when that adds something:
	 * one line an operator can act on.
	 */
	public static String describe(Throwable ex) {
		String own = ex.getMessage();
		String root = of(ex);
		if (own == null || own.isBlank()) {
			return root;
		}
		own = firstLine(own);
		String rootMessage = root.contains(": ") ? root.substring(root.indexOf(": ") + 2) : root;
		return (ex.getCause() == null || own.contains(rootMessage)) ? own : own + " (" + root + ")";
	}

	private static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline).strip() : message.strip();
	}

}
