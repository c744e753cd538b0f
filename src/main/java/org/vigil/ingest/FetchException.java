package org.vigil.ingest;

/** A fetch that failed, with a message an operator can act on. */
class FetchException extends RuntimeException {

	private final int status;

	FetchException(String message) {
		this(message, 0, null);
	}

	FetchException(String message, int status, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/** The HTTP status, or 0 when no response came. */
	int status() {
		return this.status;
	}

}
