package org.vigil;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the arrows of DESIGN.md pointing down: a feature uses only the features above it
 * in the table; a later feature tells an earlier one things through events. The same
 * arrows bound which read models (views) a feature's SQL may read: see table-owners.yaml
 * and OneOwnerPerTableTest.
 */
@AnalyzeClasses(packages = "org.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule featuresDependOnlyOnEarlierFeatures = layeredArchitecture()
		.consideringOnlyDependenciesInLayers()
		.withOptionalLayers(true)
		.layer("shared")
		.definedBy("org.vigil.shared..")
		.layer("users")
		.definedBy("org.vigil.users..")
		.layer("sources")
		.definedBy("org.vigil.sources..")
		.layer("items")
		.definedBy("org.vigil.items..")
		.layer("ingest")
		.definedBy("org.vigil.ingest..")
		.layer("tagging")
		.definedBy("org.vigil.tagging..")
		.layer("timeline")
		.definedBy("org.vigil.timeline..")
		.layer("searches")
		.definedBy("org.vigil.searches..")
		.layer("digest")
		.definedBy("org.vigil.digest..")
		.whereLayer("digest")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("searches")
		.mayOnlyBeAccessedByLayers("digest")
		.whereLayer("timeline")
		.mayOnlyBeAccessedByLayers("searches", "digest")
		.whereLayer("tagging")
		.mayOnlyBeAccessedByLayers("timeline", "searches", "digest")
		.whereLayer("ingest")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("items")
		.mayOnlyBeAccessedByLayers("ingest", "tagging", "timeline", "searches", "digest")
		.whereLayer("sources")
		.mayOnlyBeAccessedByLayers("items", "ingest", "tagging", "timeline", "searches")
		.whereLayer("users")
		.mayOnlyBeAccessedByLayers("searches", "digest")
		.whereLayer("shared")
		.mayOnlyBeAccessedByLayers("users", "sources", "items", "ingest", "tagging", "timeline", "searches", "digest");

	@ArchTest
	static final ArchRule noCyclesBetweenFeatures = slices().matching("org.vigil.(*)..").should().beFreeOfCycles();

}
