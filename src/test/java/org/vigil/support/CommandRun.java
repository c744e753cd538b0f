package org.vigil.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.vigil.VigilApplication;
import org.vigil.shared.Cli;

/**
 * Runs a Vigil command in this JVM as {@code java -jar vigil.jar ARGS} would, with the
 * given system properties, and captures what it prints.
 */
public record CommandRun(int exitCode, String out, String err) {

	public static CommandRun of(Map<String, String> properties, String... args) {
		PrintStream originalOut = System.out;
		PrintStream originalErr = System.err;
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		properties.forEach(System::setProperty);
		try {
			System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
			int exitCode = Cli.run(VigilApplication.class, args);
			return new CommandRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(originalOut);
			System.setErr(originalErr);
			properties.keySet().forEach(System::clearProperty);
		}
	}

	/** Runs against a fresh database on the test server. */
	public static CommandRun onFreshDatabase(String... args) {
		return of(Map.of("spring.datasource.url", TestPostgres.newDatabase(), "spring.datasource.username", "postgres"),
				args);
	}

}
