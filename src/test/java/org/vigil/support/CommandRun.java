package org.vigil.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

import org.vigil.VigilApplication;
import org.vigil.shared.Cli;

/**
 * Runs a Vigil command in this JVM as {@code java -jar vigil.jar ARGS} would, with the
 * given system properties, and captures what it prints.
 */
public record CommandRun(int exitCode, String out, String err) {

	private static final String SHUTDOWN_PHASE = "spring.lifecycle.timeout-per-shutdown-phase";

	public static CommandRun of(Map<String, String> properties, String... args) {
		return withInput("", properties, args);
	}

	/**
	 * Runs with {@code input} as standard input (e.g. a password for --password-stdin).
	 */
	public static CommandRun withInput(String input, Map<String, String> properties, String... args) {
		return capture(input, properties, () -> Cli.run(VigilApplication.class, args));
	}

	/**
	 * Runs {@code command} with {@code input} as standard input and {@code properties} as
	 * system properties, capturing what its thread prints.
	 */
	static CommandRun capture(String input, Map<String, String> properties, IntSupplier command) {
		InputStream originalIn = System.in;
		PrintStream originalOut = System.out;
		PrintStream originalErr = System.err;
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		// A command waits for its own listeners (tagging what it stored) for a shutdown
		// phase, as long as it would for a user, not the test JVM's 2 s: on a busy
		// machine the tagging of an imported item took longer than that, was cut off,
		// and was left for a restart that never came.
		Map<String, String> all = new HashMap<>();
		all.put(SHUTDOWN_PHASE, "20s");
		all.putAll(properties);
		Map<String, String> before = new HashMap<>();
		all.keySet().forEach((key) -> before.put(key, System.getProperty(key)));
		all.forEach(System::setProperty);
		try {
			System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
			Thread thread = Thread.currentThread();
			System.setOut(new PrintStream(new ThisThreadOnly(thread, out, originalOut), true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(new ThisThreadOnly(thread, err, originalErr), true, StandardCharsets.UTF_8));
			int exitCode = command.getAsInt();
			return new CommandRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setIn(originalIn);
			System.setOut(originalOut);
			System.setErr(originalErr);
			before.forEach((key, value) -> {
				if (value == null) {
					System.clearProperty(key);
				}
				else {
					System.setProperty(key, value);
				}
			});
		}
	}

	/** Runs against a fresh database on the test server. */
	public static CommandRun onFreshDatabase(String... args) {
		return of(Map.of("spring.datasource.url", TestPostgres.newDatabase(), "spring.datasource.username", "postgres"),
				args);
	}

	/**
	 * Captures what the command's own thread writes; other threads — background jobs of
	 * Spring contexts that other tests left running in this JVM — keep writing where they
	 * did, so their log lines never end up in a command's output.
	 */
	private static final class ThisThreadOnly extends OutputStream {

		private final Thread thread;

		private final OutputStream captured;

		private final OutputStream others;

		ThisThreadOnly(Thread thread, OutputStream captured, OutputStream others) {
			this.thread = thread;
			this.captured = captured;
			this.others = others;
		}

		private OutputStream target() {
			return (Thread.currentThread() == this.thread) ? this.captured : this.others;
		}

		@Override
		public void write(int b) throws IOException {
			target().write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			target().write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			target().flush();
		}

	}

}
