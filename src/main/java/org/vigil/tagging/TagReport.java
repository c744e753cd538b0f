package org.vigil.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JsonGenerator;

/**
 * Writes mentions in the {@code tag} command's per-file JSON shape: one object per
 * entity, in order of first mention, with all its mentions.
 */
final class TagReport {

	private TagReport() {
	}

	/**
	 * The text with lines that are only a markdown image link blanked
	 * ({@link ImageLines}).
	 */
	static String withoutImageLines(String text) {
		return ImageLines.blank(text);
	}

	/**
	 * Writes one file's result as a JSON object: its name, then one object per entity, in
	 * order of first mention, with all its mentions. Streamed straight to the generator:
	 * a large text has hundreds of thousands of mentions, and a map per mention cost more
	 * than tagging them.
	 */
	static void write(JsonGenerator out, String file, Gazetteer gazetteer, List<Tagger.Mention> mentions) {
		Map<Integer, List<Tagger.Mention>> byEntity = new LinkedHashMap<>();
		for (Tagger.Mention mention : mentions) {
			byEntity.computeIfAbsent(mention.entity(), (e) -> new ArrayList<>()).add(mention);
		}
		out.writeStartObject();
		out.writeStringProperty("file", file);
		out.writeName("entities");
		out.writeStartArray();
		byEntity.forEach((index, list) -> writeEntity(out, gazetteer.entity(index), list));
		out.writeEndArray();
		out.writeEndObject();
	}

	private static void writeEntity(JsonGenerator out, GazetteerData.Entity entity, List<Tagger.Mention> list) {
		out.writeStartObject();
		out.writeStringProperty("type", entity.type());
		out.writeStringProperty("name", entity.name());
		out.writeStringProperty("id", entity.stableId());
		if ("country".equals(entity.type())) {
			out.writeStringProperty("country_code", entity.key());
		}
		Set<String> aliases = new LinkedHashSet<>();
		for (GazetteerData.Alias alias : entity.aliases()) {
			if (!alias.text().equals(entity.name())) {
				aliases.add(alias.text());
			}
		}
		out.writeName("aliases");
		out.writeStartArray();
		for (String alias : aliases) {
			out.writeString(alias);
		}
		out.writeEndArray();
		out.writeName("mentions");
		out.writeStartArray();
		Tagger.Mention best = list.get(0);
		for (Tagger.Mention mention : list) {
			out.writeStartObject();
			out.writeNumberProperty("start", mention.start());
			out.writeNumberProperty("end", mention.end());
			out.writeStringProperty("text", mention.surface());
			out.writeEndObject();
			if (mention.confidence() > best.confidence()) {
				best = mention;
			}
		}
		out.writeEndArray();
		out.writeStringProperty("resolved_by", best.resolvedBy());
		out.writeNumberProperty("confidence", Math.round(best.confidence() * 100) / 100.0);
		out.writeEndObject();
	}

}
