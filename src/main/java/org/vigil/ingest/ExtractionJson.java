package org.vigil.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** The one-line JSON that {@code extract} prints for each input. */
final class ExtractionJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ExtractionJson() {
	}

	static Map<String, Object> fields(String file, String url, Extraction extraction) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("file", file);
		fields.put("url", url);
		fields.put("title", extraction.title());
		fields.put("published", (extraction.published() != null) ? extraction.published().iso() : null);
		fields.put("published_precision",
				(extraction.published() != null) ? extraction.published().precision().label() : null);
		fields.put("language", extraction.language());
		fields.put("type", extraction.type());
		fields.put("author", extraction.author());
		fields.put("text", extraction.bodyText());
		return fields;
	}

	static String line(Map<String, Object> fields) {
		return JSON.writeValueAsString(fields);
	}

	static String pretty(Map<String, Object> fields) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fields);
	}

}
