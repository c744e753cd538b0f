package org.vigil.shared;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's own PostgreSQL server, run from the binaries zonky ships through Maven Central,
 * with its cluster in a data directory that survives restarts.
 *
 * <p>
 * A lock file beside the data directory keeps a second Vigil from starting a second
 * server on the same cluster: PostgreSQL's own {@code postmaster.pid} check comes too
 * late, after zonky may already have run {@code initdb}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	public static final String DATABASE = "vigil";

	public static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final Path dataDir;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
		this.dataDir = dataDir;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.postgres = postgres;
	}

	public static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) {
		refuseRootWithoutUserNamespaces();
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		Path lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
		FileChannel channel = null;
		try {
			Files.createDirectories(dataDir);
			channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				throw new StartupProblem("The data directory " + dataDir
						+ " is in use by another running Vigil; stop that one first, or give this one its own directory with VIGIL_EMBEDDEDDB_DATADIR or an external database with SPRING_DATASOURCE_URL.");
			}
			stopServerLeftByKilledVigil(dataDir);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "100");
			if (properties.port() > 0) {
				builder.setPort(properties.port());
			}
			properties.serverConfig().forEach(builder::setServerConfig);
			EmbeddedPostgres postgres = builder.start();
			createDatabaseIfMissing(postgres);
			log.info("Embedded PostgreSQL started on port {} with its data in {}", postgres.getPort(), dataDir);
			return new EmbeddedDatabase(dataDir, channel, lock, postgres);
		}
		catch (IOException | SQLException ex) {
			closeQuietly(channel);
			throw new StartupProblem("Vigil could not start its embedded PostgreSQL in " + dataDir + " ("
					+ ex.getMessage()
					+ "); check that the directory is writable, or set SPRING_DATASOURCE_URL to an external PostgreSQL.",
					ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(channel);
			throw ex;
		}
	}

	public String jdbcUrl() {
		return this.postgres.getJdbcUrl(USER, DATABASE);
	}

	public Path dataDir() {
		return this.dataDir;
	}

	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		try {
			this.postgres.close();
		}
		finally {
			this.lock.release();
			this.lockChannel.close();
		}
	}

	private static void refuseRootWithoutUserNamespaces() {
		boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
		if (linux && new UnixSystem().getUid() == 0 && !LinuxUtils.isUnshareAvailable()) {
			throw new StartupProblem(
					"PostgreSQL refuses to run as root and this machine does not allow user namespaces (unshare -U), so Vigil cannot start its embedded database: run Vigil as a normal user or set SPRING_DATASOURCE_URL to an external PostgreSQL.");
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null; // held by this very JVM
		}
	}

	/**
	 * A Vigil that was killed (kill -9, power loss) leaves its PostgreSQL running. We
	 * hold the lock now, so that server is an orphan: stop it rather than fail or start a
	 * second one.
	 */
	private static void stopServerLeftByKilledVigil(Path dataDir) throws IOException {
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

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			if (!exists.executeQuery().next()) {
				try (var create = connection.createStatement()) {
					create.execute("create database " + DATABASE);
				}
			}
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// nothing more to release
			}
		}
	}

}
