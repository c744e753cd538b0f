package org.vigil.tagging;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TagReport#write} writes what Jackson's generator writes: the JSON shape the
 * {@code tag} command had when it used the generator, byte for byte.
 */
class TagReportTest {

	private static final JsonMapper JSON = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	@Test
	void sameCharsAsJacksonsGeneratorForEveryKindOfString() throws IOException {
		Gazetteer gazetteer = Gazetteer.of(GazetteerFiles.load());
		List<Tagger.Mention> mentions = new ArrayList<>();
		String[] surfaces = { "NATO", "Rutte", "Wołodymyr Zełenski", "a \"quoted\" name", "back\\slash", "a/b",
				"tab\there", "line\nbreak", "bell\u0007", "del\u007F", "é", "emoji \uD83D\uDE00", "" };
		int entities = 5;
		for (int i = 0; i < surfaces.length; i++) {
			mentions.add(new Tagger.Mention(i % entities, i * 10, i * 10 + surfaces[i].length(), surfaces[i],
					(i % 4) / 3.0f, "direct"));
		}
		mentions.add(new Tagger.Mention(0, 2_000_000_000, Integer.MAX_VALUE, "x".repeat(70_000), 0.875f, "surname"));
		for (int power = 10; power <= 1_000_000_000; power *= 10) {
			mentions.add(new Tagger.Mention(1, power - 1, power, "digits", 0.5f, "alias"));
		}
		for (String file : new String[] { "plain.txt", "dir/with \"quote\".txt", "zażółć.txt" }) {
			StringWriter out = new StringWriter();
			TagReport.write(out, file, gazetteer, mentions);
			assertThat(out.toString()).isEqualTo(byGenerator(JSON, file, gazetteer, mentions));
		}
	}

	@Test
	void sameCharsAsJacksonsGeneratorForEveryCharAndEveryConfidence() throws IOException {
		Gazetteer gazetteer = Gazetteer.of(GazetteerFiles.load());
		List<Tagger.Mention> mentions = new ArrayList<>();
		// Each char alone and between others (surrogates alone, too), one entity per
		// hundredth of confidence.
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			String surface = (c % 2 == 0) ? String.valueOf((char) c) : "a" + (char) c + "b";
			mentions.add(new Tagger.Mention(c % 101, c, c + surface.length(), surface, (c % 101) / 100.0f, "alias"));
		}
		StringWriter out = new StringWriter();
		TagReport.write(out, "every char.txt", gazetteer, mentions);
		assertThat(out.toString()).isEqualTo(byGenerator(JSON, "every char.txt", gazetteer, mentions));
	}

	/**
	 * The report as Jackson's generator writes it: the reference for {@link TagReport}.
	 */
	static String byGenerator(JsonMapper json, String file, Gazetteer gazetteer, List<Tagger.Mention> mentions) {
		StringWriter report = new StringWriter();
		try (JsonGenerator out = json.createGenerator(report)) {
			Map<Integer, List<Tagger.Mention>> byEntity = new LinkedHashMap<>();
			for (Tagger.Mention mention : mentions) {
				byEntity.computeIfAbsent(mention.entity(), (e) -> new ArrayList<>()).add(mention);
			}
			out.writeStartObject();
			out.writeStringProperty("file", file);
			out.writeName("entities");
			out.writeStartArray();
			for (Map.Entry<Integer, List<Tagger.Mention>> entry : byEntity.entrySet()) {
				GazetteerData.Entity entity = gazetteer.entity(entry.getKey());
				List<Tagger.Mention> list = entry.getValue();
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
			out.writeEndArray();
			out.writeEndObject();
		}
		return report.toString();
	}

}
