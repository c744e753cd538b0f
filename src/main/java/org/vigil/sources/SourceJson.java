package org.vigil.sources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a source's {@code selectors} and {@code settings} columns: the keys of the
 * YAML file, only those that are set.
 */
final class SourceJson {

	private static final Logger log = LoggerFactory.getLogger(SourceJson.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private SourceJson() {
	}

	static String selectors(Selectors selectors) {
		Map<String, Object> map = new LinkedHashMap<>();
		putIfSet(map, "title", selectors.title());
		putIfSet(map, "date", selectors.date());
		putIfSet(map, "body", selectors.body());
		putIfSet(map, "author", selectors.author());
		if (!selectors.remove().isEmpty()) {
			map.put("remove", selectors.remove());
		}
		return JSON.writeValueAsString(map);
	}

	static Selectors selectors(String json) {
		Map<String, Object> map = JSON.readValue(json, MAP);
		Object remove = map.get("remove");
		return new Selectors((String) map.get("title"), (String) map.get("date"), (String) map.get("body"),
				(String) map.get("author"),
				(remove instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of());
	}

	static String settings(SourceSettings settings) {
		return JSON.writeValueAsString(settings.toMap());
	}

	static SourceSettings settings(String source, String json) {
		Map<String, Object> values = new LinkedHashMap<>(JSON.readValue(json, MAP));
		// A row stored before settings were checked may carry a key no code reads: it
		// must not make the source unreadable, so it is dropped, and said so.
		values.keySet().removeIf((name) -> {
			boolean unknown = !SourceSettings.known(name);
			if (unknown) {
				log.warn("source={} ignores the stored setting '{}', which Vigil does not know", source, name);
			}
			return unknown;
		});
		return SourceSettings.of(source, values);
	}

	private static void putIfSet(Map<String, Object> map, String name, String value) {
		if (value != null && !value.isBlank()) {
			map.put(name, value);
		}
	}

	@Converter
	static class SelectorsConverter implements AttributeConverter<Selectors, String> {

		@Override
		public String convertToDatabaseColumn(Selectors selectors) {
			return selectors((selectors != null) ? selectors : Selectors.NONE);
		}

		@Override
		public Selectors convertToEntityAttribute(String json) {
			return (json != null) ? selectors(json) : Selectors.NONE;
		}

	}

	@Converter
	static class SettingsConverter implements AttributeConverter<SourceSettings, String> {

		@Override
		public String convertToDatabaseColumn(SourceSettings settings) {
			return settings((settings != null) ? settings : SourceSettings.NONE);
		}

		@Override
		public SourceSettings convertToEntityAttribute(String json) {
			return (json != null) ? settings("(stored)", json) : SourceSettings.NONE;
		}

	}

}
