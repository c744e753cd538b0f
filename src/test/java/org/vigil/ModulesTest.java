package org.vigil;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's view of the features: each top-level package under org.vigil is a
 * module, without cycles and using only what the others expose; and the module
 * documentation in docs/modules (component diagrams and a canvas per module) is written
 * from the code, so it cannot drift from it.
 */
class ModulesTest {

	private static final ApplicationModules MODULES = ApplicationModules.of(VigilApplication.class);

	@Test
	void theModuleStructureIsValid() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
