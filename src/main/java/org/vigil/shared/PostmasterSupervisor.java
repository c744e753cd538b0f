package org.vigil.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded PostgreSQL's postmaster and starts it again when it dies (killed,
 * out of memory): same data directory, same port, same settings, so the connection pool
 * finds it where it was and nothing but the outage is noticed. PostgreSQL's crash
 * recovery replays the write-ahead log, so every committed transaction is there.
 *
 * <p>
 * The restart is {@code pg_ctl restart}, which takes the server's command line from
 * {@code postmaster.opts}, the file PostgreSQL wrote when zonky started it.
 */
final class PostmasterSupervisor implements AutoCloseable {

	static final String RESTART_LOG = "vigil-postgres-restart.log";

	private static final Logger log = LoggerFactory.getLogger(PostmasterSupervisor.class);

	private static final long CHECK_EVERY_MILLIS = 500;

	private final Path dataDir;

	private final int port;

	private final Thread thread;

	private volatile boolean closing;

	private volatile long pid;

	private PostmasterSupervisor(Path dataDir, int port, long pid) {
		this.dataDir = dataDir;
		this.port = port;
		this.pid = pid;
		this.thread = Pools.daemonThreads("vigil-postgres-supervisor").newThread(this::watch);
	}

	/** Starts watching the postmaster now running on {@code dataDir}. */
	static PostmasterSupervisor start(Path dataDir, int port) throws IOException {
		long pid = postmasterPid(dataDir)
			.orElseThrow(() -> new IOException("PostgreSQL runs but wrote no postmaster.pid in " + dataDir));
		PostmasterSupervisor supervisor = new PostmasterSupervisor(dataDir, port, pid);
		supervisor.thread.start();
		return supervisor;
	}

	/** The process id of the running postmaster, as the server wrote it. */
	long pid() {
		return this.pid;
	}

	@Override
	public void close() {
		this.closing = true;
		this.thread.interrupt();
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(70));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void watch() {
		while (!this.closing) {
			try {
				Thread.sleep(CHECK_EVERY_MILLIS);
				if (!isAlive(this.pid) && !this.closing) {
					restart();
				}
			}
			catch (InterruptedException ex) {
				return; // closing
			}
		}
	}

	private void restart() throws InterruptedException {
		long dead = this.pid;
		log.warn(
				"Embedded PostgreSQL (pid {}, port {}) has stopped unexpectedly; restarting it on its data directory {}",
				dead, this.port, this.dataDir);
		long wait = 1000;
		for (int attempt = 1; !this.closing; attempt++) {
			// Backends of the dead postmaster leave on their own; until they have, the
			// new server refuses to start on their shared memory.
			Optional<String> failure = pgCtlRestart();
			OptionalLong started = postmasterPid(this.dataDir);
			if (failure.isEmpty() && started.isPresent() && isAlive(started.getAsLong())) {
				this.pid = started.getAsLong();
				log.info(
						"Embedded PostgreSQL restarted (pid {}, port {}) after attempt {}; committed data was recovered",
						this.pid, this.port, attempt);
				return;
			}
			if (attempt == 1) {
				log.warn("Embedded PostgreSQL did not restart yet ({}); trying again until it does (see {})",
						failure.orElse("no running server"), this.dataDir.resolve(RESTART_LOG));
			}
			Thread.sleep(wait);
			wait = Math.min(wait * 2, 30_000);
		}
	}

	/** Runs {@code pg_ctl restart}; empty when it succeeded, else what went wrong. */
	private Optional<String> pgCtlRestart() throws InterruptedException {
		try {
			List<String> command = new ArrayList<>();
			if (LinuxUtils.isUnshareAvailable()) {
				// as zonky runs it: root only in a namespace
				command.addAll(List.of("unshare", "-U"));
			}
			command.addAll(List.of(pgCtl().toString(), "-D", this.dataDir.toString(), "-l",
					this.dataDir.resolve(RESTART_LOG).toString(), "-w", "-t", "60", "restart"));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve(RESTART_LOG).toFile()))
				.start();
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return Optional.of("pg_ctl did not finish in 90 s");
			}
			return (process.exitValue() == 0) ? Optional.empty()
					: Optional.of("pg_ctl exited with " + process.exitValue());
		}
		catch (IOException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	/**
	 * {@code pg_ctl} beside the {@code postgres} binary named in {@code postmaster.opts}.
	 */
	private Path pgCtl() throws IOException {
		String opts = Files.readString(this.dataDir.resolve("postmaster.opts"), StandardCharsets.UTF_8).trim();
		String postgres = opts.split("\\s+", 2)[0].replace("\"", "");
		return Path.of(postgres).resolveSibling("pg_ctl");
	}

	static OptionalLong postmasterPid(Path dataDir) {
		try {
			List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
			if (!lines.isEmpty() && lines.get(0).trim().matches("\\d+")) {
				return OptionalLong.of(Long.parseLong(lines.get(0).trim()));
			}
		}
		catch (IOException ex) {
			// no server, or it is just being written
		}
		return OptionalLong.empty();
	}

	private static boolean isAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

}
