package org.vigil.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns mentions into the {@code tag} command's per-file JSON shape: one object per
 * entity, in order of first mention, with all its mentions.
 */
final class TagReport {

	private static final Pattern IMAGE_LINE = Pattern.compile("(?m)^[ \\t]*!\\[[^\\n]*\\]\\([^\\n]*\\)[ \\t]*$");

	private TagReport() {
	}

	/**
	 * Blanks lines that are only a markdown image link ({@code ![caption](url)}): site
	 * teasers of other articles, not part of this one. Blanked with spaces, so offsets
	 * still point into the file as given.
	 */
	static String withoutImageLines(String text) {
		var matcher = IMAGE_LINE.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text);
		do {
			for (int i = matcher.start(); i < matcher.end(); i++) {
				out.setCharAt(i, ' ');
			}
		}
		while (matcher.find());
		return out.toString();
	}

	static List<Map<String, Object>> entities(Gazetteer gazetteer, List<Tagger.Mention> mentions) {
		Map<Integer, List<Tagger.Mention>> byEntity = new LinkedHashMap<>();
		for (Tagger.Mention mention : mentions) {
			byEntity.computeIfAbsent(mention.entity(), (e) -> new ArrayList<>()).add(mention);
		}
		List<Map<String, Object>> result = new ArrayList<>();
		byEntity.forEach((index, list) -> {
			GazetteerData.Entity entity = gazetteer.entity(index);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("type", entity.type());
			json.put("name", entity.name());
			json.put("id", entity.stableId());
			if ("country".equals(entity.type())) {
				json.put("country_code", entity.key());
			}
			Set<String> aliases = new LinkedHashSet<>();
			for (GazetteerData.Alias alias : entity.aliases()) {
				if (!alias.text().equals(entity.name())) {
					aliases.add(alias.text());
				}
			}
			json.put("aliases", List.copyOf(aliases));
			List<Map<String, Object>> spans = new ArrayList<>();
			Tagger.Mention best = list.get(0);
			for (Tagger.Mention mention : list) {
				Map<String, Object> span = new LinkedHashMap<>();
				span.put("start", mention.start());
				span.put("end", mention.end());
				span.put("text", mention.surface());
				spans.add(span);
				if (mention.confidence() > best.confidence()) {
					best = mention;
				}
			}
			json.put("mentions", spans);
			json.put("resolved_by", best.resolvedBy());
			json.put("confidence", Math.round(best.confidence() * 100) / 100.0);
			result.add(json);
		});
		return result;
	}

}
