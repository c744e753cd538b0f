package org.vigil.tagging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.vigil.support.CommandRun;
import org.vigil.support.CommandSession;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tag}: the gazetteer the migrations loaded, one JSON line per file. */
class TagCommandTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void printsOneJsonObjectPerFileInInputOrderWithOffsetsIntoTheFile(@TempDir Path dir) throws IOException {
		Path first = Files.writeString(dir.resolve("first.txt"),
				"NATO Secretary General Mark Rutte met Polish soldiers.\n![Teaser about Iran](https://x/y.jpg)\n");
		Path second = Files.writeString(dir.resolve("second.txt"), "Nothing to see here.");
		CommandRun run = CommandRun.onFreshDatabase("tag", "--date", "2025-12-19", first.toString(), second.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		List<String> lines = run.out().lines().toList();
		assertThat(lines).hasSize(2);
		JsonNode one = json.readTree(lines.get(0));
		assertThat(one.get("file").asString()).isEqualTo(first.toString());
		JsonNode rutte = entity(one, "Mark Rutte");
		assertThat(rutte.get("type").asString()).isEqualTo("person");
		assertThat(rutte.get("id").asString()).isEqualTo("Q57792");
		assertThat(rutte.get("resolved_by").asString()).isEqualTo("alias");
		JsonNode poland = entity(one, "Poland");
		assertThat(poland.get("country_code").asString()).isEqualTo("PL");
		JsonNode mention = poland.get("mentions").get(0);
		assertThat(mention.get("text").asString()).isEqualTo("Polish");
		assertThat(Files.readString(first).substring(mention.get("start").asInt(), mention.get("end").asInt()))
			.isEqualTo("Polish");
		assertThat(names(one)).contains("NATO").doesNotContain("Iran");
		JsonNode two = json.readTree(lines.get(1));
		assertThat(two.get("file").asString()).isEqualTo(second.toString());
		assertThat(two.get("entities")).isEmpty();
	}

	@Test
	void aMissingFileIsAUsageError() {
		CommandRun run = CommandRun.onFreshDatabase("tag", "/nonexistent/file.txt");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("no such file");
	}

	@Test
	void theSeedsAgreeWithTheGoldWhenTaggedFromTheDatabase() throws IOException {
		Path seeds = GoldSeedsTest.SEEDS;
		Assumptions.assumeTrue(Files.isDirectory(seeds), "../shared/seeds is absent");
		String url = TestPostgres.newDatabase();
		Map<String, String> db = Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres");
		try (CommandSession vigil = CommandSession.with(db)) {
			for (String[] seed : new String[][] { { "defence24-pl-ro-video-conference.txt", "2026-01-26" },
					{ "nato-rutte-bemowo-piskie.txt", "2025-12-19" } }) {
				CommandRun run = vigil.run("tag", "--date", seed[1], seeds.resolve(seed[0]).toString());
				assertThat(run.exitCode()).as(run.err()).isZero();
				JsonNode result = json.readTree(run.out().strip());
				JsonNode gold = json.readTree(seeds.resolve("gold.json").toFile()).get("documents").get(seed[0]);
				List<String> found = new java.util.ArrayList<>();
				for (JsonNode e : result.get("entities")) {
					found.add("country".equals(e.get("type").asString()) ? e.get("country_code").asString()
							: e.get("name").asString());
				}
				List<String> allowed = new java.util.ArrayList<>();
				for (String section : List.of("countries", "people", "programmes", "organisations")) {
					for (JsonNode name : gold.get(section).get("required")) {
						assertThat(found).as(seed[0]).contains(name.asString());
						allowed.add(name.asString());
					}
					gold.get(section).get("optional").forEach((name) -> allowed.add(name.asString()));
				}
				assertThat(allowed).as(seed[0] + ": found outside the gold").containsAll(found);
			}
		}
	}

	private static JsonNode entity(JsonNode result, String name) {
		for (JsonNode e : result.get("entities")) {
			if (name.equals(e.get("name").asString())) {
				return e;
			}
		}
		throw new AssertionError(name + " not found in " + result);
	}

	private static List<String> names(JsonNode result) {
		List<String> names = new java.util.ArrayList<>();
		result.get("entities").forEach((e) -> names.add(e.get("name").asString()));
		return names;
	}

}
