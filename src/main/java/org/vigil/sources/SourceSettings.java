package org.vigil.sources;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How to read one source beyond its selectors, as typed values: the {@code settings:} of
 * a source in {@code db/sources/sources.yaml} (same keys in users' files). Every value is
 * checked where it is entered, so a typo is an error naming the source and the key, never
 * a silently ignored setting.
 *
 * @param zone the zone in which its pages print local dates ({@code zone}), or null for
 * UTC
 * @param type the item type of its items when a page does not say ({@code type}), or null
 * @param paywall its articles may be cut short for readers without a subscription
 * ({@code paywall})
 * @param pageOptional when the article page cannot be fetched, the feed's entry is kept
 * ({@code page_optional})
 * @param contentApi GOV.UK Content API base: articles are read as JSON from there
 * ({@code content_api}), or null
 * @param itemLinks html-listing: CSS selector of the article links ({@code item_links})
 * @param itemTitle html-listing: CSS selector of a link's title, inside its list item
 * ({@code item_title})
 * @param itemDate html-listing: CSS selector of a link's date ({@code item_date})
 * @param itemLinkPattern html-listing: only links whose URL matches this regular
 * expression are articles ({@code item_link_pattern})
 * @param dateInLinkText html-listing: regular expression whose first group is the date in
 * a link's text ({@code date_in_link_text})
 * @param nextPage html-listing: CSS selector of the link to the next listing page
 * ({@code next_page})
 * @param canonicalKeys rules that turn its article URLs into stable item keys
 * ({@code canonical_key})
 */
public record SourceSettings(ZoneId zone, String type, boolean paywall, boolean pageOptional, String contentApi,
		String itemLinks, String itemTitle, String itemDate, String itemLinkPattern, String dateInLinkText,
		String nextPage, List<KeyRule> canonicalKeys) {

	public static final SourceSettings NONE = new SourceSettings(null, null, false, false, null, null, null, null, null,
			null, null, List.of());

	/**
	 * The only JSON listing layout Vigil reads; {@code format} may name it and nothing
	 * else.
	 */
	static final String NATO_SEARCH = "nato-search";

	private static final Set<String> KEYS = Set.of("zone", "type", "paywall", "page_optional", "content_api",
			"item_links", "item_title", "item_date", "item_link_pattern", "date_in_link_text", "next_page",
			"canonical_key", "format");

	public SourceSettings {
		canonicalKeys = (canonicalKeys != null) ? List.copyOf(canonicalKeys) : List.of();
	}

	/**
	 * A rule that makes one key of every URL a statement is reached by: where
	 * {@code match} is found in the URL's host and path ({@code www.example.org/a/b}),
	 * the key is {@code key} with {@code $1}… replaced by the groups, in lower case.
	 *
	 * @param match regular expression over host and path
	 * @param key the key, e.g. {@code nato:$1}
	 */
	public record KeyRule(String match, String key) {

		public KeyRule {
			if (match == null || match.isBlank() || key == null || key.isBlank()) {
				throw new IllegalArgumentException("a canonical_key rule needs 'match' and 'key'");
			}
			try {
				Pattern.compile(match);
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("canonical_key match is not a regular expression: "
						+ ex.getDescription() + " in '" + match + "'");
			}
		}

	}

	/** The zone of its local dates; UTC when none is set. */
	public ZoneId zoneOrUtc() {
		return (this.zone != null) ? this.zone : ZoneOffset.UTC;
	}

	/** {@link #itemLinkPattern} compiled, or null. */
	public Pattern linkPattern() {
		return (this.itemLinkPattern != null) ? Pattern.compile(this.itemLinkPattern) : null;
	}

	/** {@link #dateInLinkText} compiled, or null. */
	public Pattern dateInText() {
		return (this.dateInLinkText != null) ? Pattern.compile(this.dateInLinkText) : null;
	}

	/** Whether a setting of this name exists. */
	static boolean known(Object name) {
		return KEYS.contains(String.valueOf(name));
	}

	/**
	 * Reads the settings of one source, as YAML or the stored JSON give them.
	 * @param source the source's key, for the message
	 * @param values setting name to value
	 * @throws IllegalArgumentException naming the source and the setting that is wrong
	 */
	public static SourceSettings of(String source, Map<?, ?> values) {
		if (values == null || values.isEmpty()) {
			return NONE;
		}
		for (Object name : values.keySet()) {
			if (!KEYS.contains(String.valueOf(name))) {
				throw new IllegalArgumentException("source " + source + ": unknown setting '" + name + "' (known: "
						+ String.join(", ", KEYS.stream().sorted().toList()) + ")");
			}
		}
		Reader read = new Reader(source, values);
		Object format = values.get("format");
		if (format != null && !NATO_SEARCH.equals(String.valueOf(format))) {
			throw read.problem("format", "the only JSON listing layout is '" + NATO_SEARCH + "', not '" + format + "'");
		}
		return new SourceSettings(read.zone(), read.slug("type"), read.flag("paywall"), read.flag("page_optional"),
				read.url("content_api"), read.selector("item_links"), read.selector("item_title"),
				read.selector("item_date"), read.regex("item_link_pattern"), read.regex("date_in_link_text"),
				read.selector("next_page"), read.keyRules());
	}

	/** The settings as stored and written in YAML: only what is set. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		put(map, "zone", (this.zone != null) ? this.zone.getId() : null);
		put(map, "type", this.type);
		if (this.paywall) {
			map.put("paywall", true);
		}
		if (this.pageOptional) {
			map.put("page_optional", true);
		}
		put(map, "content_api", this.contentApi);
		put(map, "item_links", this.itemLinks);
		put(map, "item_title", this.itemTitle);
		put(map, "item_date", this.itemDate);
		put(map, "item_link_pattern", this.itemLinkPattern);
		put(map, "date_in_link_text", this.dateInLinkText);
		put(map, "next_page", this.nextPage);
		if (!this.canonicalKeys.isEmpty()) {
			List<Map<String, String>> rules = new ArrayList<>();
			this.canonicalKeys.forEach((rule) -> rules.add(Map.of("match", rule.match(), "key", rule.key())));
			map.put("canonical_key", rules);
		}
		return map;
	}

	private static void put(Map<String, Object> map, String name, String value) {
		if (value != null) {
			map.put(name, value);
		}
	}

	/** Reads typed values out of the map, each error naming source and setting. */
	private record Reader(String source, Map<?, ?> values) {

		IllegalArgumentException problem(String name, String what) {
			return new IllegalArgumentException("source " + this.source + ": setting " + name + ": " + what);
		}

		String text(String name) {
			Object value = this.values.get(name);
			if (value == null || String.valueOf(value).isBlank()) {
				return null;
			}
			if (value instanceof Map || value instanceof List) {
				throw problem(name, "a single value is expected, not " + value);
			}
			return String.valueOf(value).strip();
		}

		boolean flag(String name) {
			String value = text(name);
			if (value == null) {
				return false;
			}
			if (!value.equals("true") && !value.equals("false")) {
				throw problem(name, "true or false, not '" + value + "'");
			}
			return Boolean.parseBoolean(value);
		}

		ZoneId zone() {
			String value = text("zone");
			try {
				return (value != null) ? ZoneId.of(value) : null;
			}
			catch (DateTimeException ex) {
				throw problem("zone", "unknown time zone '" + value + "' (e.g. Europe/Warsaw)");
			}
		}

		String slug(String name) {
			String value = text(name);
			if (value != null && !value.matches("[a-z][a-z-]{0,39}")) {
				throw problem(name, "a lower-case word such as press-release, not '" + value + "'");
			}
			return value;
		}

		String url(String name) {
			String value = text(name);
			if (value != null && !value.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
				throw problem(name, "an http(s) URL, not '" + value + "'");
			}
			return value;
		}

		String selector(String name) {
			String value = text(name);
			if (value != null) {
				try {
					CssSelectors.check(value);
				}
				catch (IllegalArgumentException ex) {
					throw problem(name, ex.getMessage());
				}
			}
			return value;
		}

		String regex(String name) {
			String value = text(name);
			if (value != null) {
				try {
					Pattern.compile(value);
				}
				catch (PatternSyntaxException ex) {
					throw problem(name, "not a regular expression: " + ex.getDescription() + " in '" + value + "'");
				}
			}
			return value;
		}

		List<KeyRule> keyRules() {
			Object value = this.values.get("canonical_key");
			if (value == null) {
				return List.of();
			}
			List<?> entries = (value instanceof List<?> list) ? list : List.of(value);
			List<KeyRule> rules = new ArrayList<>();
			for (Object entry : entries) {
				if (!(entry instanceof Map<?, ?> rule)) {
					throw problem("canonical_key", "each rule is a mapping with 'match' and 'key'");
				}
				try {
					rules.add(new KeyRule(stringOrNull(rule.get("match")), stringOrNull(rule.get("key"))));
				}
				catch (IllegalArgumentException ex) {
					throw problem("canonical_key", ex.getMessage());
				}
			}
			return rules;
		}

		private static String stringOrNull(Object value) {
			return (value != null) ? String.valueOf(value) : null;
		}

	}

}
