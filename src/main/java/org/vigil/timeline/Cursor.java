package org.vigil.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the timeline's order (published time, then id), written into "older" and
 * "newer" links so a page stays put when new items arrive above it.
 */
record Cursor(Instant publishedAt, long id) {

	private static final Pattern FORMAT = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

	/** Everything published before the instant. */
	static Cursor before(Instant instant) {
		return new Cursor(instant, 0);
	}

	static Optional<Cursor> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = FORMAT.matcher(text.trim());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		long micros = Long.parseLong(matcher.group(1));
		return Optional.of(new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(matcher.group(2))));
	}

	String format() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, this.publishedAt) + "-" + this.id;
	}

}
