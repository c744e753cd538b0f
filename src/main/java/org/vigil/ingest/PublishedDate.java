package org.vigil.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A publication date as a page wrote it, read to an instant with its precision.
 *
 * <p>
 * A date without a time of day ({@code precision = DATE}) is kept as midnight UTC of the
 * printed date, so the printed date can always be read back whatever the source's zone.
 *
 * @param instant the moment (midnight UTC of the date when only a date was given)
 * @param precision {@code date} or {@code time}
 * @param raw the text it was read from
 */
record PublishedDate(Instant instant, Precision precision, String raw) {

	enum Precision {

		DATE, TIME;

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	static PublishedDate ofDate(LocalDate date, String raw) {
		return new PublishedDate(date.atStartOfDay(ZoneOffset.UTC).toInstant(), Precision.DATE, raw);
	}

	/** ISO text for output: {@code 2026-07-07} for a date, an ISO instant for a time. */
	String iso() {
		return (this.precision == Precision.DATE) ? this.instant.atZone(ZoneOffset.UTC).toLocalDate().toString()
				: this.instant.toString();
	}

}
