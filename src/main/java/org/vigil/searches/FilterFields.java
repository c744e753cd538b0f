package org.vigil.searches;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The edit page's filter fields: the timeline's parameters, one text field per parameter
 * with several values separated by commas, and the same parameters as a query string.
 */
final class FilterFields {

	/** Parameters shown as one comma-separated field each, in the timeline's order. */
	static final List<String> LISTS = List.of("country", "person", "programme", "organisation", "source", "type",
			"lang");

	/** Single-valued parameters. */
	static final List<String> SINGLES = List.of("q", "range", "from", "to", "sort");

	private FilterFields() {
	}

	/**
	 * A stored or pasted query string as parameters; a whole timeline URL is accepted.
	 */
	static MultiValueMap<String, String> parse(String queryString) {
		MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
		if (queryString == null || queryString.isBlank()) {
			return decoded;
		}
		String query = queryString.strip();
		int question = query.indexOf('?');
		if (question >= 0) {
			query = query.substring(question + 1);
		}
		else if (query.startsWith("/") || query.startsWith("http")) {
			return decoded;
		}
		int hash = query.indexOf('#');
		if (hash >= 0) {
			query = query.substring(0, hash);
		}
		UriComponentsBuilder.newInstance()
			.query(query)
			.build()
			.getQueryParams()
			.forEach((name, values) -> values
				.forEach((value) -> decoded.add(decode(name), (value != null) ? decode(value) : "")));
		return decoded;
	}

	/** The field values for a stored query string: lists joined by ", ". */
	static Map<String, String> values(String queryString) {
		MultiValueMap<String, String> parameters = parse(queryString);
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : SINGLES) {
			values.put(name, (parameters.getFirst(name) != null) ? parameters.getFirst(name) : "");
		}
		for (String name : LISTS) {
			values.put(name, String.join(", ", parameters.getOrDefault(name, List.of())));
		}
		return values;
	}

	/** The parameters the fields describe; list fields are split at commas. */
	static MultiValueMap<String, String> parameters(Map<String, String> fields) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		for (String name : SINGLES) {
			String value = fields.get(name);
			if (value != null && !value.isBlank()) {
				parameters.add(name, value.strip());
			}
		}
		for (String name : LISTS) {
			String value = fields.get(name);
			if (value != null) {
				Arrays.stream(value.split(","))
					.map(String::strip)
					.filter((part) -> !part.isEmpty())
					.forEach((part) -> parameters.add(name, part));
			}
		}
		return parameters;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
