package org.vigil.timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Turns the timeline's URL parameters into a {@link TimelineFilter}. Anything it cannot
 * use is dropped with a sentence saying so, never an error page: a shared link with a
 * typo still opens the timeline.
 */
@Component
class FilterParser {

	static final Set<String> ITEM_TYPES = Set.of("press-release", "speech", "news", "statement", "other");

	static final List<String> RANGES = List.of("24h", "7d", "30d", "year");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private static final Pattern SOURCE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final int MAX_VALUES = 20;

	private static final int MAX_VALUE_LENGTH = 120;

	private final TimelineQueries queries;

	private final TimelineProperties properties;

	private final Clock clock;

	FilterParser(TimelineQueries queries, TimelineProperties properties, Clock clock) {
		this.queries = queries;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The filter, the page position (a cursor, or for best-match pages how many earlier
	 * pages showed) and what was ignored.
	 */
	record Parsed(TimelineFilter filter, Cursor before, Cursor after, int rank, List<String> problems) {

	}

	Parsed parse(MultiValueMap<String, String> parameters) {
		return parse(parameters, null);
	}

	/**
	 * The filter as {@code reader} sees it: with {@code unread=1}, only the items that
	 * account has not read (ignored for visitors, whose reader is null).
	 */
	Parsed parse(MultiValueMap<String, String> parameters, Long reader) {
		List<String> problems = new ArrayList<>();
		String query = query(first(parameters, "q"), problems);
		List<EntityRef> entities = new ArrayList<>();
		for (EntityType type : EntityType.values()) {
			for (String value : values(parameters, type.key(), problems)) {
				Optional<EntityRef> entity = this.queries.findEntity(type, value);
				entity.filter((found) -> !entities.contains(found)).ifPresent(entities::add);
				if (entity.isEmpty()) {
					problems.add("No " + type.key() + " called \u201C" + value
							+ "\u201D is known; that filter was ignored.");
				}
			}
		}
		List<String> sources = new ArrayList<>();
		for (String source : values(parameters, "source", problems)) {
			if (SOURCE_KEY.matcher(source).matches() && this.queries.sourceExists(source)) {
				sources.add(source);
			}
			else {
				problems.add("There is no source \u201C" + source + "\u201D; that filter was ignored.");
			}
		}
		List<String> types = new ArrayList<>();
		for (String type : values(parameters, "type", problems)) {
			if (ITEM_TYPES.contains(type)) {
				types.add(type);
			}
			else {
				problems.add("\u201C" + type + "\u201D is not an item type ("
						+ String.join(", ", ITEM_TYPES.stream().sorted().toList()) + "); it was ignored.");
			}
		}
		List<String> languages = new ArrayList<>();
		for (String language : values(parameters, "lang", problems)) {
			String code = language.toLowerCase(java.util.Locale.ROOT);
			if (LANGUAGE.matcher(code).matches()) {
				languages.add(code);
			}
			else {
				problems.add("\u201C" + language + "\u201D is not a language code such as en or pl; it was ignored.");
			}
		}
		ZoneId zone = this.properties.viewerZone();
		String range = first(parameters, "range");
		LocalDate from = null;
		LocalDate to = null;
		Instant start = null;
		Instant end = null;
		if (range != null && !range.isBlank()) {
			Instant now = this.clock.instant();
			switch (range) {
				case "24h" -> start = now.minus(24, ChronoUnit.HOURS);
				case "7d" -> start = now.minus(7, ChronoUnit.DAYS);
				case "30d" -> start = now.minus(30, ChronoUnit.DAYS);
				case "year" -> start = LocalDate.ofInstant(now, zone).withDayOfYear(1).atStartOfDay(zone).toInstant();
				default -> {
					problems.add("\u201C" + range
							+ "\u201D is not a date range preset (24h, 7d, 30d, year); it was ignored.");
					range = null;
				}
			}
		}
		else {
			range = null;
		}
		if (range == null) {
			from = date(first(parameters, "from"), "from", problems);
			to = date(first(parameters, "to"), "to", problems);
			if (from != null && to != null && from.isAfter(to)) {
				problems.add("The date range was reversed (" + from + " is after " + to + "); it was swapped.");
				LocalDate swap = from;
				from = to;
				to = swap;
			}
			start = (from != null) ? from.atStartOfDay(zone).toInstant() : null;
			end = (to != null) ? to.plusDays(1).atStartOfDay(zone).toInstant() : null;
		}
		TimelineFilter filter = new TimelineFilter(query, List.copyOf(entities),
				List.copyOf(new LinkedHashSet<>(sources)), List.copyOf(new LinkedHashSet<>(types)),
				List.copyOf(new LinkedHashSet<>(languages)), from, to, range, start, end,
				sort(first(parameters, "sort"), query, problems),
				(reader != null && "1".equals(first(parameters, "unread"))) ? reader : null);
		Cursor before = cursor(first(parameters, "before"), problems);
		Cursor after = (before != null) ? null : cursor(first(parameters, "after"), problems);
		String at = first(parameters, "at");
		if (before == null && after == null && at != null && !at.isBlank()) {
			before = jump(at.trim(), zone, problems);
		}
		return new Parsed(filter, before, after, rank(first(parameters, "rank")), List.copyOf(problems));
	}

	/** The order asked for; it means something only with a query. */
	private static String sort(String value, String query, List<String> problems) {
		if (value == null || value.isBlank() || query == null) {
			return null;
		}
		if (value.equals(TimelineFilter.BEST) || value.equals(TimelineFilter.NEWEST)) {
			return value;
		}
		problems.add("\u201C" + abbreviate(value) + "\u201D is not an order (best, new); it was ignored.");
		return null;
	}

	/**
	 * How many best matches earlier pages showed: best-match pages are counted, not
	 * keyed, because they page through a bounded list (see {@link BestMatchQueries}).
	 */
	private int rank(String value) {
		try {
			int rank = (value != null) ? Integer.parseInt(value.strip()) : 0;
			return Math.max(0, Math.min(rank, this.properties.bestMatchCap()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private String query(String raw, List<String> problems) {
		if (raw == null) {
			return null;
		}
		// NUL and other control characters cannot be sent to PostgreSQL as text.
		String query = raw.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ").strip();
		if (query.isEmpty()) {
			return null;
		}
		if (query.length() > this.properties.maxQueryLength()) {
			problems.add("The search was longer than " + this.properties.maxQueryLength()
					+ " characters and was ignored; try fewer words.");
			return null;
		}
		if (this.queries.queryTerms(query) == 0) {
			problems.add("The search \u201C" + query + "\u201D has no words to look for and was ignored.");
			return null;
		}
		return query;
	}

	private LocalDate date(String value, String name, List<String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			problems.add("\u201C" + abbreviate(value) + "\u201D is not a date (use YYYY-MM-DD); the \u201C" + name
					+ "\u201D date was ignored.");
			return null;
		}
	}

	private Cursor cursor(String value, List<String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Optional<Cursor> cursor = Cursor.parse(value);
		if (cursor.isEmpty()) {
			problems.add("The page position in the address was not understood; showing the newest items.");
		}
		return cursor.orElse(null);
	}

	/** A date jump: {@code at=2025-03} (a month) or {@code at=2025-03-14} (a day). */
	private Cursor jump(String at, ZoneId zone, List<String> problems) {
		try {
			if (at.length() == 7) {
				return Cursor.before(YearMonth.parse(at).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
			}
			return Cursor.before(LocalDate.parse(at).plusDays(1).atStartOfDay(zone).toInstant());
		}
		catch (DateTimeParseException ex) {
			problems.add("\u201C" + abbreviate(at) + "\u201D is not a date to jump to (use YYYY-MM or YYYY-MM-DD).");
			return null;
		}
	}

	private static String first(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private static List<String> values(MultiValueMap<String, String> parameters, String name, List<String> problems) {
		List<String> values = new ArrayList<>();
		for (String value : parameters.getOrDefault(name, List.of())) {
			if (value == null || value.isBlank()) {
				continue;
			}
			String trimmed = value.strip();
			if (trimmed.length() > MAX_VALUE_LENGTH) {
				problems.add("A \u201C" + name + "\u201D value was too long and was ignored.");
			}
			else if (values.size() >= MAX_VALUES) {
				problems.add("Only the first " + MAX_VALUES + " \u201C" + name + "\u201D values are used.");
				break;
			}
			else if (!values.contains(trimmed)) {
				values.add(trimmed);
			}
		}
		return values;
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "\u2026" : value;
	}

}
