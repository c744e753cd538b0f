package org.vigil.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall per entity type over the hand-written passages in
 * {@code tagging/passages.yaml} (English, Polish, Romanian, German, French; clean and
 * machine-translated). Precision is what matters most: a wrong link misleads.
 */
class PassagesTest {

	private static final List<String> TYPES = List.of("country", "person", "programme", "organisation");

	private static final Map<String, String> SECTIONS = Map.of("countries", "country", "people", "person", "programmes",
			"programme", "organisations", "organisation");

	@Test
	@SuppressWarnings("unchecked")
	void precisionAndRecallPerTypeStayAboveTheirFloors() throws IOException {
		Gazetteer gazetteer = Gazetteer.of(GazetteerFiles.load());
		List<Map<String, Object>> passages;
		try (InputStream in = getClass().getResourceAsStream("/tagging/passages.yaml")) {
			passages = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		assertThat(passages).hasSizeGreaterThanOrEqualTo(20);
		Map<String, int[]> counts = new LinkedHashMap<>();
		TYPES.forEach((type) -> counts.put(type, new int[3]));
		List<String> errors = new ArrayList<>();
		for (Map<String, Object> passage : passages) {
			String text = (String) passage.get("text");
			Object rawDate = passage.get("date");
			LocalDate date = (rawDate instanceof java.util.Date d)
					? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
					: LocalDate.parse(String.valueOf(rawDate));
			List<Tagger.Mention> mentions = Tagger.tag(gazetteer, text, new Tagger.Context(date, Set.of()));
			Set<String> found = new TreeSet<>();
			for (Tagger.Mention mention : mentions) {
				found.add(label(gazetteer.entity(mention.entity())));
			}
			Set<String> expected = labels((Map<String, List<String>>) passage.get("expected"));
			Set<String> allowed = labels((Map<String, List<String>>) passage.getOrDefault("allowed", Map.of()));
			for (String label : found) {
				if (allowed.contains(label) && !expected.contains(label)) {
					continue;
				}
				int[] c = counts.get(label.substring(0, label.indexOf(':')));
				if (expected.contains(label)) {
					c[0]++;
				}
				else {
					c[1]++;
					errors.add(passage.get("id") + ": false " + label);
				}
			}
			for (String label : expected) {
				if (!found.contains(label)) {
					counts.get(label.substring(0, label.indexOf(':')))[2]++;
					errors.add(passage.get("id") + ": missed " + label);
				}
			}
		}
		int tp = 0;
		int fp = 0;
		int fn = 0;
		System.out.println("Tagging quality over " + passages.size() + " passages:");
		for (String type : TYPES) {
			int[] c = counts.get(type);
			tp += c[0];
			fp += c[1];
			fn += c[2];
			System.out.printf("  %-13s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)%n", type,
					ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]), c[0], c[1], c[2]);
		}
		System.out.printf("  %-13s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)%n", "all", ratio(tp, tp + fp),
				ratio(tp, tp + fn), tp, fp, fn);
		errors.forEach((error) -> System.out.println("  " + error));
		assertThat(ratio(tp, tp + fp)).as("overall precision").isGreaterThanOrEqualTo(0.9);
		assertThat(ratio(tp, tp + fn)).as("overall recall").isGreaterThanOrEqualTo(0.8);
		for (String type : TYPES) {
			int[] c = counts.get(type);
			assertThat(ratio(c[0], c[0] + c[1])).as(type + " precision").isGreaterThanOrEqualTo(0.85);
		}
	}

	private static Set<String> labels(Map<String, List<String>> sections) {
		Set<String> labels = new TreeSet<>();
		sections.forEach((section, names) -> {
			for (Object name : (names == null) ? List.of() : names) {
				labels.add(SECTIONS.get(section) + ":" + name);
			}
		});
		return labels;
	}

	private static String label(GazetteerData.Entity entity) {
		return entity.type() + ":" + ("country".equals(entity.type()) ? entity.key() : entity.name());
	}

	private static double ratio(int part, int whole) {
		return (whole == 0) ? 1.0 : (double) part / whole;
	}

}
