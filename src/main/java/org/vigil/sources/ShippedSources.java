package org.vigil.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

import org.vigil.shared.ResourceChecksum;

/**
 * Applies the shipped sources file to the {@code source} table, field by field: a field
 * an admin left as the file last shipped it ({@code shipped_as}) takes the file's new
 * value; a field they edited keeps theirs. A source the file adds is added; a source it
 * no longer lists is left alone.
 */
final class ShippedSources {

	private static final Logger log = LoggerFactory.getLogger(ShippedSources.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String CURRENT = "select jsonb_build_object('name', name, 'kind', kind, 'official', official, "
			+ "'country', country_code, 'language', language, 'urls', to_jsonb(urls), 'selectors', selectors, "
			+ "'settings', settings, 'schedule_minutes', schedule_minutes, 'enabled', enabled)::text, shipped_as::text "
			+ "from source where key = ?";

	private final Resource file;

	ShippedSources(Resource file) {
		this.file = file;
	}

	/** A checksum of the file: Flyway applies the file again when it changes. */
	int checksum() {
		return ResourceChecksum.of(List.of(this.file));
	}

	List<SourceDeclaration> read() {
		try (InputStream in = this.file.getInputStream()) {
			List<SourceDeclaration> declarations = SourceYaml.read(in);
			// each source's own rules are checked before any source is written
			declarations.forEach(Source::new);
			return declarations;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + this.file, ex);
		}
	}

	/** Applies every shipped source; returns how many were added or changed. */
	int apply(JdbcTemplate jdbc) {
		int changed = 0;
		for (SourceDeclaration declaration : read()) {
			changed += apply(jdbc, declaration) ? 1 : 0;
		}
		return changed;
	}

	private boolean apply(JdbcTemplate jdbc, SourceDeclaration declaration) {
		Map<String, Object> shipped = fields(declaration);
		List<String[]> rows = jdbc.query(CURRENT, (rs, row) -> new String[] { rs.getString(1), rs.getString(2) },
				declaration.key());
		if (rows.isEmpty()) {
			insert(jdbc, declaration.key(), shipped);
			log.info("source={} added from the shipped sources", declaration.key());
			return true;
		}
		Map<String, Object> current = JSON.readValue(rows.get(0)[0], MAP);
		Map<String, Object> before = (rows.get(0)[1] != null) ? JSON.readValue(rows.get(0)[1], MAP)
				: firstBaseline(current, shipped);
		Map<String, Object> merged = new LinkedHashMap<>();
		for (Map.Entry<String, Object> field : shipped.entrySet()) {
			String name = field.getKey();
			boolean untouched = Objects.equals(current.get(name), before.get(name));
			merged.put(name, untouched ? field.getValue() : current.get(name));
			if (!untouched && !Objects.equals(current.get(name), field.getValue())) {
				log.info("source={} field={} edited by an admin: the shipped value is not applied", declaration.key(),
						name);
			}
		}
		if (merged.equals(current)) {
			jdbc.update("update source set shipped_as = cast(? as jsonb) where key = ?", json(shipped),
					declaration.key());
			return false;
		}
		jdbc.update("update source set name = ?, kind = ?, official = ?, country_code = ?, language = ?, urls = ?, "
				+ "selectors = cast(? as jsonb), settings = cast(? as jsonb), schedule_minutes = ?, enabled = ?, "
				+ "shipped_as = cast(? as jsonb), version = version + 1, updated_at = now() where key = ?",
				values(merged, shipped, declaration.key()));
		log.info("source={} updated from the shipped sources", declaration.key());
		return true;
	}

	/**
	 * What a source shipped before {@code shipped_as} was recorded is taken to be: the
	 * file as it is now (a field that differs was edited), except its settings, which no
	 * admin page could edit then and which follow the file.
	 */
	private static Map<String, Object> firstBaseline(Map<String, Object> current, Map<String, Object> shipped) {
		Map<String, Object> baseline = new LinkedHashMap<>(shipped);
		baseline.put("settings", current.get("settings"));
		return baseline;
	}

	private static void insert(JdbcTemplate jdbc, String key, Map<String, Object> fields) {
		Object[] values = values(fields, fields, key);
		jdbc.update("insert into source (name, kind, official, country_code, language, urls, selectors, settings, "
				+ "schedule_minutes, enabled, shipped_as, key) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), "
				+ "cast(? as jsonb), ?, ?, cast(? as jsonb), ?)", values);
	}

	private static Object[] values(Map<String, Object> f, Map<String, Object> shipped, String key) {
		List<?> urls = (List<?>) f.get("urls");
		return new Object[] { f.get("name"), f.get("kind"), f.get("official"), f.get("country"), f.get("language"),
				urls.stream().map(String::valueOf).toArray(String[]::new), json(f.get("selectors")),
				json(f.get("settings")), ((Number) f.get("schedule_minutes")).intValue(), f.get("enabled"),
				json(shipped), key };
	}

	/** The fields an admin can edit, as the database's JSON gives them back. */
	static Map<String, Object> fields(SourceDeclaration d) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", d.name());
		fields.put("kind", d.kind());
		fields.put("official", d.official());
		fields.put("country", d.country());
		fields.put("language", d.language());
		fields.put("urls", d.urls());
		fields.put("selectors", JSON.readValue(SourceJson.selectors(d.selectors()), MAP));
		fields.put("settings", d.settings().toMap());
		fields.put("schedule_minutes", d.scheduleMinutes());
		fields.put("enabled", d.enabled());
		// Round trip: numbers and lists compare as the database's JSON reads back.
		return JSON.readValue(json(fields), MAP);
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
