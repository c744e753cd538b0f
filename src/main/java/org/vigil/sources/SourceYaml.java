package org.vigil.sources;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads source declarations from the YAML format of {@code db/sources/sources.yaml}. */
public final class SourceYaml {

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
		Map<?, ?> selectors = (source.get("selectors") instanceof Map<?, ?> s) ? s : Map.of();
		Map<String, Object> settings = new LinkedHashMap<>();
		if (source.get("settings") instanceof Map<?, ?> s) {
			s.forEach((name, value) -> settings.put(String.valueOf(name), value));
		}
		return new SourceDeclaration(text(source.get("key")), text(source.get("name")), text(source.get("kind")),
				!Boolean.FALSE.equals(source.get("official")), text(source.get("country")),
				text(source.get("language")), strings(source.get("urls")),
				new Selectors(text(selectors.get("title")), text(selectors.get("date")), text(selectors.get("body")),
						text(selectors.get("author")), strings(selectors.get("remove"))),
				settings, (source.get("schedule_minutes") instanceof Number n) ? n.intValue() : 30,
				!Boolean.FALSE.equals(source.get("enabled")));
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
