package org.vigil.tagging;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gold standard of ../shared/seeds: every required entity found, nothing outside
 * required + optional. Runs the tagger on the shipped gazetteer files (the same data the
 * V20 migration loads; {@link TagCommandTest} checks the command on the database).
 */
class GoldSeedsTest {

	static final Path SEEDS = Path.of("..", "shared", "seeds");

	static Gazetteer gazetteer;

	@BeforeAll
	static void loadGazetteer() {
		gazetteer = Gazetteer.of(GazetteerFiles.load());
	}

	@ParameterizedTest
	@CsvSource({ "defence24-pl-ro-video-conference.txt, 2026-01-26", "nato-rutte-bemowo-piskie.txt, 2025-12-19" })
	void everyRequiredEntityIsFoundAndNothingOutsideTheGold(String file, String date) throws IOException {
		Assumptions.assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is absent");
		String text = TagReport.withoutImageLines(Files.readString(SEEDS.resolve(file)));
		List<Tagger.Mention> mentions = Tagger.tag(gazetteer, text,
				new Tagger.Context(LocalDate.parse(date), Set.of()));
		JsonMapper json = JsonMapper.builder().build();
		StringWriter report = new StringWriter();
		TagReport.write(report, file, gazetteer, mentions);
		assertThat(report.toString()).isEqualTo(TagReportTest.byGenerator(json, file, gazetteer, mentions));
		Set<String> found = new TreeSet<>();
		for (JsonNode e : json.readTree(report.toString()).get("entities")) {
			System.out.println(file + " " + e.get("type").asString() + " " + e.get("name").asString() + " "
					+ e.get("resolved_by").asString() + " " + e.get("mentions"));
			String type = e.get("type").asString();
			found.add(key(type, "country".equals(type) ? e.get("country_code").asString() : e.get("name").asString()));
		}
		JsonNode gold = JsonMapper.builder()
			.build()
			.readTree(SEEDS.resolve("gold.json").toFile())
			.get("documents")
			.get(file);
		Set<String> required = new TreeSet<>();
		Set<String> allowed = new TreeSet<>();
		for (String[] section : new String[][] { { "countries", "country" }, { "people", "person" },
				{ "programmes", "programme" }, { "organisations", "organisation" } }) {
			for (JsonNode name : gold.get(section[0]).get("required")) {
				required.add(key(section[1], name.asString()));
			}
			for (JsonNode name : gold.get(section[0]).get("optional")) {
				allowed.add(key(section[1], name.asString()));
			}
		}
		allowed.addAll(required);
		List<String> missing = new ArrayList<>(required);
		missing.removeAll(found);
		List<String> unexpected = new ArrayList<>(found);
		unexpected.removeAll(allowed);
		assertThat(missing).as("required entities not found").isEmpty();
		assertThat(unexpected).as("entities outside the gold").isEmpty();
	}

	static String key(String type, String name) {
		return type + ":" + name;
	}

}
