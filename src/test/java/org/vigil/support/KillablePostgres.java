package org.vigil.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of one test's own, on a fixed port and data directory, that the
 * test can kill (SIGKILL of the postmaster, as a crash or the OOM killer would) and start
 * again where it was: the shared {@link TestPostgres} must never go down.
 */
public final class KillablePostgres implements AutoCloseable {

	private final Path dataDir;

	private final int port;

	private EmbeddedPostgres server;

	private KillablePostgres(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	/** A server with an empty database {@code vigil}, durable as production runs it. */
	public static KillablePostgres start(Path dataDir) {
		try (ServerSocket socket = new ServerSocket(0)) {
			KillablePostgres postgres = new KillablePostgres(dataDir, socket.getLocalPort());
			socket.close();
			postgres.startServer();
			try (Connection connection = postgres.server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create database vigil");
			}
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The JDBC URL of database {@code vigil}, user {@code postgres}. */
	public String url() {
		return "jdbc:postgresql://localhost:" + this.port + "/vigil";
	}

	/**
	 * Kills the postmaster with SIGKILL and waits until its processes are gone (its
	 * backends leave by themselves once they notice).
	 */
	public void kill() throws Exception {
		long pid = Long.parseLong(Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(0).trim());
		ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
		List<ProcessHandle> children = postmaster.descendants().toList();
		postmaster.destroyForcibly();
		postmaster.onExit().get(10, TimeUnit.SECONDS);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
	}

	/** Starts the server again on the same data directory and port (crash recovery). */
	public void restart() throws IOException {
		this.server.close(); // releases zonky's lock; the stop itself fails, nothing runs
		startServer();
	}

	private void startServer() throws IOException {
		this.server = EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDir)
			.setCleanDataDirectory(false)
			.setPort(this.port)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
