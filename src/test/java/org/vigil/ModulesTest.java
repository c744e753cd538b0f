package org.vigil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's view of the features: each top-level package under org.vigil is a
 * module, without cycles and using only what the others expose; and the module
 * documentation in docs/modules (component diagrams and a canvas per module) is written
 * from the code, so it cannot drift from it. The diagrams' relations are sorted: Modulith
 * writes them in no fixed order, and a build must leave an unchanged checkout unchanged.
 */
class ModulesTest {

	private static final ApplicationModules MODULES = ApplicationModules.of(VigilApplication.class);

	@Test
	void theModuleStructureIsValid() {
		MODULES.verify();
	}

	private static final Path DOCS = Path.of("docs/modules");

	@Test
	void writesTheModuleDocumentation() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> diagrams = Files.list(DOCS)) {
			for (Path diagram : diagrams.filter((p) -> p.toString().endsWith(".puml")).toList()) {
				Files.write(diagram, relationsSorted(Files.readAllLines(diagram)));
			}
		}
	}

	/** The lines with each run of relations ({@code Rel(…)}) sorted. */
	static List<String> relationsSorted(List<String> lines) {
		List<String> sorted = new ArrayList<>(lines);
		int run = 0;
		for (int i = 0; i <= sorted.size(); i++) {
			if (i == sorted.size() || !sorted.get(i).startsWith("Rel(")) {
				Collections.sort(sorted.subList(run, i));
				run = i + 1;
			}
		}
		return sorted;
	}

}
