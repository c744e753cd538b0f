package org.vigil.sources;

/**
 * An edit made on a version of a source that someone else has changed since: it is
 * refused rather than silently overwriting their change.
 */
public class SourceChangedException extends RuntimeException {

	SourceChangedException(String key) {
		super("Source " + key + " was changed by someone else; reload it and make your change again.");
	}

}
