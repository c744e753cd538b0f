package org.vigil.ingest;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates the sources print, in English, Polish, Romanian, German and
 * French, with their precision.
 *
 * <p>
 * Handles ISO 8601 with offsets and up to nine fractional digits, ISO without a zone
 * (taken as UTC, as Defence24's JSON-LD writes it), RFC-822, NATO's old
 * {@code "19 Sep. 2025 12:00:00 GMT"} (a date in disguise), AP style
 * {@code "Sept. 15, 2026"}, {@code "07 July 2026"}, {@code "11 maja 2021, 11:49"},
 * {@code DD.MM.YYYY} and {@code "17 July, 2026, 10:05 AM EET"}. A time printed without a
 * zone is local to the source's zone.
 */
final class DateParser {

	private static final Map<String, Integer> MONTHS = new HashMap<>();

	private static final Map<String, ZoneId> ZONES = Map.of("gmt", ZoneOffset.UTC, "utc", ZoneOffset.UTC, "z",
			ZoneOffset.UTC, "eet", ZoneId.of("Europe/Kyiv"), "eest", ZoneId.of("Europe/Kyiv"), "cet",
			ZoneId.of("Europe/Berlin"), "cest", ZoneId.of("Europe/Berlin"), "est", ZoneId.of("America/New_York"), "edt",
			ZoneId.of("America/New_York"), "bst", ZoneId.of("Europe/London"));

	static {
		month(1, "january", "jan", "stycznia", "styczen", "ianuarie", "ian", "januar", "janner", "janvier", "janv");
		month(2, "february", "feb", "lutego", "luty", "februarie", "februar", "fevrier", "fevr", "fev");
		month(3, "march", "mar", "marca", "marzec", "martie", "marz", "maerz", "mars");
		month(4, "april", "apr", "kwietnia", "kwiecien", "aprilie", "avril", "avr");
		month(5, "may", "maja", "maj", "mai");
		month(6, "june", "jun", "czerwca", "czerwiec", "iunie", "juni", "juin");
		month(7, "july", "jul", "lipca", "lipiec", "iulie", "juli", "juillet", "juil");
		month(8, "august", "aug", "sierpnia", "sierpien", "aout");
		month(9, "september", "sep", "sept", "wrzesnia", "wrzesien", "septembrie", "septembre");
		month(10, "october", "oct", "pazdziernika", "pazdziernik", "octombrie", "oktober", "okt", "octobre");
		month(11, "november", "nov", "listopada", "listopad", "noiembrie", "noi", "novembre");
		month(12, "december", "dec", "grudnia", "grudzien", "decembrie", "dezember", "dez", "decembre");
	}

	private static final Pattern ISO = Pattern.compile(
			"(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");

	private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{1,2})[./](\\d{1,2})[./](\\d{4})(?!\\d)");

	private static final Pattern DAY_MONTH_YEAR = Pattern
		.compile("(?<!\\d)(\\d{1,2})(?:er|\\.|-)?\\s*-?([\\p{L}]{3,})(\\.?)(?:,|-)?\\s*-?(\\d{4})(?!\\d)");

	private static final Pattern MONTH_DAY_YEAR = Pattern
		.compile("(?<![\\p{L}])([\\p{L}]{3,})(\\.?)\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");

	private static final Pattern TIME = Pattern.compile(
			"(?<!\\d)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.))?(?:\\s*([a-z]{1,4}|[+-]\\d{2}:?\\d{2}))?(?![\\p{L}\\d])");

	private DateParser() {
	}

	private static void month(int number, String... names) {
		for (String name : names) {
			MONTHS.put(name, number);
		}
	}

	/**
	 * Reads a date from text, or nothing when no date can be read.
	 * @param raw the text (may contain more than the date)
	 * @param zone the zone of the source, for local times
	 */
	static Optional<PublishedDate> parse(String raw, ZoneId zone) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String text = raw.strip();
		try {
			return Optional.ofNullable(iso(text, raw))
				.or(() -> Optional.ofNullable(rfc822(text, raw)))
				.or(() -> Optional.ofNullable(written(fold(text), raw, zone)));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static PublishedDate iso(String text, String raw) {
		Matcher m = ISO.matcher(text);
		if (!m.find() || m.start() > 0 && Character.isLetterOrDigit(text.charAt(m.start() - 1))) {
			return null;
		}
		LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
				Integer.parseInt(m.group(3)));
		if (m.group(4) == null) {
			return PublishedDate.ofDate(date, raw);
		}
		int nanos = (m.group(7) != null) ? Integer.parseInt((m.group(7) + "000000000").substring(0, 9)) : 0;
		LocalDateTime local = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
				(m.group(6) != null) ? Integer.parseInt(m.group(6)) : 0, nanos);
		// Without a zone marker the JSON-LD of these sites writes UTC.
		ZoneOffset offset = (m.group(8) == null || m.group(8).equals("Z")) ? ZoneOffset.UTC : ZoneOffset
			.of(m.group(8).length() == 5 ? m.group(8).substring(0, 3) + ":" + m.group(8).substring(3) : m.group(8));
		return new PublishedDate(OffsetDateTime.of(local, offset).toInstant(), PublishedDate.Precision.TIME, raw);
	}

	private static PublishedDate rfc822(String text, String raw) {
		if (!text.matches("(?i)^[a-z]{3},\\s.*")) {
			return null;
		}
		try {
			return new PublishedDate(OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
					PublishedDate.Precision.TIME, raw);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static PublishedDate written(String text, String raw, ZoneId zone) {
		LocalDate date = null;
		int end = -1;
		boolean abbreviatedWithDot = false;
		Matcher m = DAY_MONTH_YEAR.matcher(text);
		while (m.find()) {
			Integer month = MONTHS.get(m.group(2));
			if (month != null) {
				date = LocalDate.of(Integer.parseInt(m.group(4)), month, Integer.parseInt(m.group(1)));
				abbreviatedWithDot = !m.group(3).isEmpty();
				end = m.end();
				break;
			}
		}
		if (date == null) {
			m = MONTH_DAY_YEAR.matcher(text);
			while (m.find()) {
				Integer month = MONTHS.get(m.group(1));
				if (month != null) {
					date = LocalDate.of(Integer.parseInt(m.group(4)), month, Integer.parseInt(m.group(3)));
					end = m.end();
					break;
				}
			}
		}
		if (date == null) {
			m = NUMERIC.matcher(text);
			if (m.find()) {
				date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(1)));
				end = m.end();
			}
		}
		if (date == null) {
			return null;
		}
		Matcher t = TIME.matcher(text);
		if (!t.find(end) || t.start() - end > 12) {
			return PublishedDate.ofDate(date, raw);
		}
		int hour = Integer.parseInt(t.group(1));
		String half = t.group(4);
		if (half != null) {
			hour = (hour % 12) + (half.startsWith("p") ? 12 : 0);
		}
		LocalTime time = LocalTime.of(hour, Integer.parseInt(t.group(2)),
				(t.group(3) != null) ? Integer.parseInt(t.group(3)) : 0);
		String zoneText = t.group(5);
		// NATO's old feed printed 12:00:00 GMT after an abbreviated month for every item:
		// the time carries no information.
		if (abbreviatedWithDot && time.equals(LocalTime.NOON) && "gmt".equals(zoneText)) {
			return PublishedDate.ofDate(date, raw);
		}
		ZoneId itemZone = zone;
		if (zoneText != null) {
			if (zoneText.startsWith("+") || zoneText.startsWith("-")) {
				itemZone = ZoneOffset
					.of(zoneText.length() == 5 ? zoneText.substring(0, 3) + ":" + zoneText.substring(3) : zoneText);
			}
			else if (ZONES.containsKey(zoneText)) {
				itemZone = ZONES.get(zoneText);
			}
		}
		return new PublishedDate(date.atTime(time).atZone(itemZone).toInstant(), PublishedDate.Precision.TIME, raw);
	}

	/** Lower case without diacritics, so "września" and "wrzesnia" read alike. */
	static String fold(String text) {
		if (ascii(text)) {
			// Nothing to decompose: most lines of most pages.
			return text.toLowerCase(Locale.ROOT);
		}
		String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue;
			}
			out.append((c == 'ł') ? 'l' : c);
		}
		return out.toString();
	}

	private static boolean ascii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

}
