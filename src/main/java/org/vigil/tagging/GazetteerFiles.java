package org.vigil.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the shipped gazetteer ({@code db/gazetteer/*.yaml} on the classpath) into
 * {@link GazetteerData}.
 */
final class GazetteerFiles {

	static final List<String> ENTITY_FILES = List.of("countries", "people", "programmes", "organisations");

	private static final Map<String, String> TYPES = Map.of("countries", "country", "people", "person", "programmes",
			"programme", "organisations", "organisation");

	private GazetteerFiles() {
	}

	static GazetteerData load() {
		List<GazetteerData.Entity> entities = new ArrayList<>();
		long id = 0;
		for (String file : ENTITY_FILES) {
			for (Map<String, Object> row : read(file)) {
				entities.add(entity(++id, TYPES.get(file), row));
			}
		}
		List<GazetteerData.RolePhrase> phrases = new ArrayList<>();
		for (Map<String, Object> row : read("roles")) {
			String role = string(row, "role");
			String scope = string(row, "in_context_of");
			for (String phrase : strings(row, "phrases")) {
				phrases.add(new GazetteerData.RolePhrase(role, phrase, false, scope));
			}
			for (String phrase : strings(row, "bare_phrases")) {
				phrases.add(new GazetteerData.RolePhrase(role, phrase, true, scope));
			}
		}
		return new GazetteerData(entities, phrases);
	}

	private static GazetteerData.Entity entity(long id, String type, Map<String, Object> row) {
		String key = Objects.requireNonNull(string(row, "key"), "key");
		String name = Objects.requireNonNull(string(row, "name"), key);
		Set<String> exact = new LinkedHashSet<>(strings(row, "exact"));
		Set<String> needsContext = new LinkedHashSet<>(strings(row, "needs_context"));
		// A name listed under exact or needs_context keeps that restriction: it is not
		// also matched loosely.
		Set<GazetteerData.Alias> aliases = new LinkedHashSet<>();
		for (String alias : prepend(name, strings(row, "aliases"))) {
			if (!exact.contains(alias) && !needsContext.contains(alias)) {
				aliases.add(new GazetteerData.Alias(alias, GazetteerData.FOLDED));
			}
		}
		exact.forEach((alias) -> aliases.add(new GazetteerData.Alias(alias, GazetteerData.EXACT)));
		needsContext.forEach((alias) -> aliases.add(new GazetteerData.Alias(alias, GazetteerData.NEEDS_CONTEXT)));
		strings(row, "surnames").forEach((alias) -> aliases.add(new GazetteerData.Alias(alias, GazetteerData.SURNAME)));
		String capital = string(row, "capital");
		if (capital != null) {
			aliases.add(new GazetteerData.Alias(capital, GazetteerData.CAPITAL));
		}
		strings(row, "capital_aliases")
			.forEach((alias) -> aliases.add(new GazetteerData.Alias(alias, GazetteerData.CAPITAL)));
		List<GazetteerData.Role> roles = new ArrayList<>();
		Object roleRows = row.get("roles");
		if (roleRows instanceof List<?> list) {
			for (Object item : list) {
				@SuppressWarnings("unchecked")
				Map<String, Object> role = (Map<String, Object>) item;
				roles.add(new GazetteerData.Role(string(role, "role"), string(role, "title"), date(role, "from"),
						date(role, "to")));
			}
		}
		String country = "country".equals(type) ? key : string(row, "country");
		return new GazetteerData.Entity(id, type, key, name, string(row, "wikidata"), country, string(row, "kind"),
				string(row, "parent"), "true".equals(string(row, "recurring")), List.copyOf(aliases),
				List.copyOf(roles));
	}

	private static List<String> prepend(String first, List<String> rest) {
		List<String> all = new ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> read(String file) {
		Object loaded = readYaml(file);
		return (loaded == null) ? List.of() : (List<Map<String, Object>>) loaded;
	}

	/** One file of {@code db/gazetteer} as YAML values, every scalar a string. */
	static Object readYaml(String file) {
		String path = "db/gazetteer/" + file + ".yaml";
		try (InputStream in = GazetteerFiles.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing gazetteer file on the classpath: " + path);
			}
			return yaml().load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * YAML that keeps every scalar a string: "NO" stays Norway's code and dates stay ISO
	 * text, whatever YAML 1.1 would make of them.
	 */
	private static Yaml yaml() {
		Resolver stringsOnly = new Resolver() {
			@Override
			protected void addImplicitResolvers() {
				addImplicitResolver(Tag.NULL, NULL, "~nN\0");
				addImplicitResolver(Tag.NULL, EMPTY, null);
			}
		};
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(50 * 1024 * 1024);
		return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
				options, stringsOnly);
	}

	private static String string(Map<String, Object> row, String field) {
		Object value = row.get(field);
		return (value == null) ? null : value.toString().strip();
	}

	private static LocalDate date(Map<String, Object> row, String field) {
		String value = string(row, field);
		return (value == null || value.isEmpty()) ? null : LocalDate.parse(value);
	}

	private static List<String> strings(Map<String, Object> row, String field) {
		Object value = row.get(field);
		if (!(value instanceof List<?> list)) {
			return List.of();
		}
		List<String> result = new ArrayList<>();
		for (Object item : list) {
			if (item != null && !item.toString().isBlank()) {
				result.add(item.toString().strip());
			}
		}
		return result;
	}

}
