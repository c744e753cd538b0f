package org.vigil.shared;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Shows an operator the {@link StartupProblems} sentence instead of a page of stack trace
 * when the web application cannot start.
 */
class StartupFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		return StartupProblems.explain(failure)
			.map(sentence -> new FailureAnalysis(sentence, "See the Configuration section of the README.", failure))
			.orElse(null);
	}

}
