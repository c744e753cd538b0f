package org.vigil.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@code postmaster.pid} file PostgreSQL keeps in its data directory says about
 * the server running there: its pid on the first line, its port on the fourth, and
 * "ready" on the eighth once it accepts clients.
 */
final class PostmasterPidFile {

	private static final Logger log = LoggerFactory.getLogger(PostmasterPidFile.class);

	private PostmasterPidFile() {
	}

	/**
	 * The port of a server on {@code dataDir} that says it is ready to accept clients.
	 */
	static Optional<Integer> readyPort(Path dataDir) {
		try {
			List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
			if (lines.size() >= 8 && lines.get(7).trim().equals("ready") && lines.get(3).trim().matches("\\d+")) {
				return Optional.of(Integer.parseInt(lines.get(3).trim()));
			}
		}
		catch (IOException ex) {
			// not there yet, or being written
		}
		return Optional.empty();
	}

	/**
	 * A Vigil that was killed (kill -9, power loss) leaves its PostgreSQL running. We
	 * hold the lock now, so that server is an orphan: stop it rather than fail or start a
	 * second one.
	 */
	static void stopServerLeftByKilledVigil(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> orphan = Files.readAllLines(pidFile)
			.stream()
			.findFirst()
			.map(String::trim)
			.filter(line -> line.matches("\\d+"))
			.flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(process -> process.info().command().orElse("").contains("postgres"));
		if (orphan.isEmpty()) {
			return;
		}
		log.warn("Stopping PostgreSQL (pid {}) left running in {} by a Vigil that did not exit cleanly",
				orphan.get().pid(), dataDir);
		orphan.get().destroy();
		try {
			orphan.get().onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new StartupProblem("A PostgreSQL server (pid " + orphan.get().pid() + ") is still running on "
					+ dataDir + " and did not stop; stop it by hand and start Vigil again.");
		}
	}

}
