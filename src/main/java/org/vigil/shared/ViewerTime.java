package org.vigil.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;

/**
 * Timestamps as the reader reads them: in their time zone and their language's format,
 * for every page ({@code th:text="${@viewerTime.format(instant)}"}), with
 * {@link #iso(Object)} for the machine-readable {@code <time datetime>} beside it. The
 * zone and language are the request's (see the users feature's locale resolver); outside
 * a request, UTC and English.
 */
@Component("viewerTime")
public class ViewerTime {

	/**
	 * The instant, e.g. "6 Dec 2026, 14:05" or "6 gru 2026, 14:05"; empty for null. Takes
	 * an {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime} or {@link Date}
	 * (JDBC timestamps).
	 */
	public String format(Object time) {
		Instant instant = instant(time);
		if (instant == null) {
			return "";
		}
		Locale locale = locale();
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone())
			.format(instant);
	}

	/**
	 * A calendar date (a week, a day) in the reader's language, e.g. "3 Aug 2026"; not
	 * moved between zones, as it has none. Empty for null.
	 */
	public String date(LocalDate date) {
		return (date != null) ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date)
				: "";
	}

	/**
	 * The instant in ISO 8601 (UTC, whole seconds) for {@code datetime}; empty for null.
	 */
	public String iso(Object time) {
		Instant instant = instant(time);
		return (instant != null) ? instant.truncatedTo(ChronoUnit.SECONDS).toString() : "";
	}

	/** The reader's time zone, e.g. for a note beside a table of times. */
	public ZoneId zone() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		TimeZone timeZone = (context instanceof TimeZoneAwareLocaleContext zoned) ? zoned.getTimeZone() : null;
		return (timeZone != null) ? timeZone.toZoneId() : ZoneOffset.UTC;
	}

	private static Locale locale() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = (context != null) ? context.getLocale() : null;
		return (locale != null) ? locale : Locale.ENGLISH;
	}

	private static Instant instant(Object time) {
		if (time instanceof Instant instant) {
			return instant;
		}
		if (time instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (time instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (time instanceof Date date) {
			return date.toInstant();
		}
		return null;
	}

}
