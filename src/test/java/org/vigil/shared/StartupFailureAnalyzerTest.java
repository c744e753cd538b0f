package org.vigil.shared;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.vigil.VigilApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The web application refuses an unreachable database with one sentence, not a stack
 * trace.
 */
class StartupFailureAnalyzerTest {

	@Test
	void anUnreachableExternalDatabaseIsExplained() {
		SpringApplication application = new SpringApplication(VigilApplication.class);
		assertThatThrownBy(() -> application.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/vigil",
				"--spring.datasource.username=vigil", "--server.port=0", "--vigil.scheduling.enabled=false"))
			.satisfies(failure -> {
				FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).startsWith("Vigil cannot reach its database")
					.contains("Connection to 127.0.0.1:1 refused");
			});
	}

}
