package org.vigil.items;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A publication date as a person types it: {@code 2026-07-07} (a day) or
 * {@code 2026-07-07T14:05:00+02:00} (a moment).
 *
 * @param instant the moment; midnight UTC for a day, as ingest stores printed dates
 * @param precision {@code date} or {@code time}
 * @param raw the text as given
 */
public record PublicationDates(Instant instant, String precision, String raw) {

	/** Reads a date; throws IllegalArgumentException with a sentence when it cannot. */
	public static PublicationDates parse(String text) {
		String value = (text != null) ? text.strip() : "";
		try {
			if (value.length() == 10) {
				return new PublicationDates(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant(), "date",
						value);
			}
			if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
				return new PublicationDates(OffsetDateTime.parse(value).toInstant(), "time", value);
			}
		}
		catch (DateTimeParseException ex) {
			// the sentence below says what is expected
		}
		throw new IllegalArgumentException("'" + value
				+ "' is not a date: give YYYY-MM-DD, or a time with its offset such as 2026-07-07T14:05:00+02:00");
	}

}
