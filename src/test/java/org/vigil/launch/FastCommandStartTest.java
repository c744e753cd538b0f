package org.vigil.launch;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which command lines start from the extracted copy of the jar; the copy itself is proven
 * on the built jar by {@code bench/first-start.sh}, which CI runs.
 */
class FastCommandStartTest {

	@Test
	void aCommandStartsFromTheCopy() {
		assertThat(FastCommandStart.applies(new String[] { "source", "list" }, null, null, null, null)).isTrue();
	}

	@Test
	void theWebApplicationAndHelpRunInThisJvm() {
		assertThat(FastCommandStart.applies(new String[0], null, null, null, null)).isFalse();
		assertThat(FastCommandStart.applies(new String[] { "--server.port=9090" }, null, null, null, null)).isFalse();
		assertThat(FastCommandStart.applies(new String[] { "--help" }, null, null, null, null)).isFalse();
	}

	@Test
	void theUserCanTurnItOff() {
		String[] command = { "source", "list" };
		assertThat(FastCommandStart.applies(command, "0", null, null, null)).isFalse();
		assertThat(FastCommandStart.applies(command, "false", null, null, null)).isFalse();
		assertThat(FastCommandStart.applies(command, null, "false", null, null)).isFalse();
	}

	@Test
	void springBootsJarModeAndTheChildItselfNeverStartAnother() {
		String[] command = { "extract", "--destination", "app" };
		assertThat(FastCommandStart.applies(command, null, null, "tools", null)).isFalse();
		assertThat(FastCommandStart.applies(new String[] { "source", "list" }, null, null, null, "true")).isFalse();
	}

	@Test
	void tagRunsAsABatchJobUnlessTheUserChoseACollector() {
		String[] tag = { "tag", "news.txt" };
		List<String> compiler = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileCommand=quiet",
				"-XX:CompileCommand=CompileThresholdScaling,org.vigil.tagging.*::*,0.05");
		assertThat(FastCommandStart.batchOptions(tag, List.of()))
			.containsExactlyElementsOf(concat(compiler, List.of("-XX:+UseSerialGC", "-XX:NewRatio=1")));
		assertThat(FastCommandStart.batchOptions(tag, List.of("-Xmx1g", "-XX:+UseParallelGC")))
			.containsExactlyElementsOf(compiler);
		assertThat(FastCommandStart.batchOptions(new String[] { "source", "list" }, List.of())).isEmpty();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new java.util.ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
