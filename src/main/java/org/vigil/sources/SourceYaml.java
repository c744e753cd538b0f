package org.vigil.sources;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads source declarations from the YAML format of {@code db/sources/sources.yaml}. A
 * key it does not know is an error naming the source, so that a typo never silently drops
 * a rule.
 */
public final class SourceYaml {

	private static final Set<String> FIELDS = Set.of("key", "name", "kind", "official", "country", "language", "urls",
			"selectors", "settings", "schedule_minutes", "enabled");

	private static final Set<String> SELECTORS = Set.of("title", "date", "body", "author", "remove");

	private SourceYaml() {
	}

	public static List<SourceDeclaration> read(InputStream in) {
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		if (!(root instanceof Map<?, ?> map) || !(map.get("sources") instanceof List<?> list)) {
			throw new IllegalArgumentException("a sources file needs a top-level 'sources:' list");
		}
		List<SourceDeclaration> declarations = new ArrayList<>();
		for (Object entry : list) {
			if (!(entry instanceof Map<?, ?> source)) {
				throw new IllegalArgumentException("each entry of 'sources' must be a mapping");
			}
			declarations.add(declaration(source));
		}
		return declarations;
	}

	private static SourceDeclaration declaration(Map<?, ?> source) {
		String key = text(source.get("key"));
		known(key, "", source, FIELDS);
		Map<?, ?> selectors = mapping(key, "selectors", source.get("selectors"));
		known(key, "selectors.", selectors, SELECTORS);
		Object schedule = source.get("schedule_minutes");
		if (schedule != null && !(schedule instanceof Number)) {
			throw new IllegalArgumentException(
					"source " + key + ": schedule_minutes must be a number, not " + schedule);
		}
		return new SourceDeclaration(key, text(source.get("name")), text(source.get("kind")),
				!Boolean.FALSE.equals(source.get("official")), text(source.get("country")),
				text(source.get("language")), strings(source.get("urls")),
				new Selectors(text(selectors.get("title")), text(selectors.get("date")), text(selectors.get("body")),
						text(selectors.get("author")), strings(selectors.get("remove"))),
				SourceSettings.of(key, mapping(key, "settings", source.get("settings"))),
				(schedule != null) ? ((Number) schedule).intValue() : 30, !Boolean.FALSE.equals(source.get("enabled")));
	}

	/**
	 * The settings as an admin types them: YAML lines such as
	 * {@code zone: Europe/Warsaw}.
	 * @throws IllegalArgumentException naming the source and the setting that is wrong
	 */
	public static SourceSettings settings(String key, String text) {
		if (text == null || text.isBlank()) {
			return SourceSettings.NONE;
		}
		Object root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("source " + key + ": settings are not YAML lines such as "
					+ "'zone: Europe/Warsaw' (" + ex.getMessage().lines().findFirst().orElse("") + ")");
		}
		return SourceSettings.of(key, mapping(key, "settings", root));
	}

	/** The settings as YAML lines, for the admin form. */
	public static String settingsText(SourceSettings settings) {
		Map<String, Object> map = settings.toMap();
		if (map.isEmpty()) {
			return "";
		}
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return new Yaml(options).dump(map);
	}

	private static Map<?, ?> mapping(String key, String field, Object value) {
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("source " + key + ": " + field + " must be a mapping");
		}
		return map;
	}

	private static void known(String key, String prefix, Map<?, ?> map, Set<String> known) {
		for (Object name : map.keySet()) {
			if (!known.contains(String.valueOf(name))) {
				throw new IllegalArgumentException("source " + key + ": unknown field '" + prefix + name + "' (known: "
						+ String.join(", ", known.stream().sorted().toList()) + ")");
			}
		}
	}

	private static String text(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	private static List<String> strings(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of(String.valueOf(value));
	}

}
