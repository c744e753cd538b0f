package org.vigil.shared;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

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
 * late, after zonky may already have run {@code initdb}. A command run beside the web
 * application ({@code vigil user add}) uses that application's server instead, found
 * through the data directory's {@code postmaster.pid} and password file.
 *
 * <p>
 * The server is durable unless told otherwise ({@code fsync}, synchronous commits, full
 * page writes), asks every client for a password, and is restarted by a
 * {@link PostmasterSupervisor} if it dies.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	public static final String DATABASE = "vigil";

	public static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Duration RUNNING_SERVER_WAIT = Duration.ofSeconds(60);

	private final Path dataDir;

	private final int port;

	private final String password;

	/** The server this instance started and owns; null when it uses another's. */
	private final Owned owned;

	private EmbeddedDatabase(Path dataDir, int port, String password, Owned owned) {
		this.dataDir = dataDir;
		this.port = port;
		this.password = password;
		this.owned = owned;
	}

	private record Owned(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres,
			PostmasterSupervisor supervisor) {

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
				closeQuietly(channel);
				if (properties.attachToRunning()) {
					return useRunningServer(dataDir);
				}
				throw new StartupProblem("The data directory " + dataDir
						+ " is in use by another running Vigil; stop that one first, or give this one its own directory with VIGIL_EMBEDDEDDB_DATADIR or an external database with SPRING_DATASOURCE_URL.");
			}
			PostmasterPidFile.stopServerLeftByKilledVigil(dataDir);
			boolean initialized = Files.exists(dataDir.resolve("PG_VERSION"));
			// initdb wants an empty directory: a new cluster's password file is written
			// once the cluster exists.
			String password = initialized ? SuperuserPassword.readOrCreate(dataDir) : SuperuserPassword.generate();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setConnectConfig("password", password)
				.setServerConfig("max_connections", "100")
				.setServerConfig("password_encryption", "scram-sha-256");
			durability(properties.durable()).forEach(builder::setServerConfig);
			if (properties.port() > 0) {
				builder.setPort(properties.port());
			}
			properties.serverConfig().forEach(builder::setServerConfig);
			EmbeddedPostgres postgres = builder.start();
			try {
				if (!initialized) {
					SuperuserPassword.write(dataDir, password);
				}
				PasswordAuthentication.require(dataDir, postgres.getPort(), postgres.getPostgresDatabase(), password);
				createDatabaseIfMissing(postgres);
				PostmasterSupervisor supervisor = PostmasterSupervisor.start(dataDir, postgres.getPort());
				log.info("Embedded PostgreSQL started on port {} (pid {}) with its data in {}{}", postgres.getPort(),
						supervisor.pid(), dataDir,
						properties.durable() ? "" : ", NOT durable (vigil.embedded-db.durable=false)");
				return new EmbeddedDatabase(dataDir, postgres.getPort(), password,
						new Owned(channel, lock, postgres, supervisor));
			}
			catch (IOException | SQLException | RuntimeException ex) {
				postgres.close();
				throw ex;
			}
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
		return "jdbc:postgresql://localhost:" + this.port + "/" + DATABASE;
	}

	/** The superuser's password, from the file in the data directory. */
	public String password() {
		return this.password;
	}

	public Path dataDir() {
		return this.dataDir;
	}

	public int port() {
		return this.port;
	}

	/** Whether this instance runs the server, rather than using a running Vigil's. */
	public boolean ownsServer() {
		return this.owned != null;
	}

	/** The process id of the postmaster this instance runs (it changes on a restart). */
	public long postmasterPid() {
		if (this.owned == null) {
			throw new IllegalStateException("This Vigil uses the PostgreSQL of another running Vigil");
		}
		return this.owned.supervisor().pid();
	}

	@Override
	public void close() throws IOException {
		if (this.owned == null) {
			return; // the server belongs to the running Vigil
		}
		try {
			this.owned.supervisor().close();
			this.owned.postgres().close();
		}
		finally {
			this.owned.lock().release();
			this.owned.lockChannel().close();
		}
	}

	/**
	 * PostgreSQL's settings that decide whether a committed transaction survives a crash
	 * of the machine; zonky turns them off for tests.
	 */
	static Map<String, String> durability(boolean durable) {
		String value = durable ? "on" : "off";
		return Map.of("fsync", value, "synchronous_commit", value, "full_page_writes", value);
	}

	/**
	 * The data directory belongs to a running Vigil: use its server, found through the
	 * {@code postmaster.pid} PostgreSQL keeps there (its fourth line is the port), with
	 * the password from the password file. A server still starting is waited for.
	 */
	private static EmbeddedDatabase useRunningServer(Path dataDir) {
		long deadline = System.nanoTime() + RUNNING_SERVER_WAIT.toNanos();
		String problem = "its PostgreSQL has not started";
		while (System.nanoTime() < deadline) {
			Optional<Integer> port = PostmasterPidFile.readyPort(dataDir);
			if (port.isPresent()) {
				if (!SuperuserPassword.exists(dataDir)) {
					throw new StartupProblem("The data directory " + dataDir
							+ " is in use by a running Vigil whose database has no password file ("
							+ SuperuserPassword.FILE_NAME
							+ "); restart that Vigil once with this version, or stop it, then run the command again.");
				}
				try {
					String password = SuperuserPassword.read(dataDir);
					EmbeddedDatabase running = new EmbeddedDatabase(dataDir, port.get(), password, null);
					Properties credentials = new Properties();
					credentials.setProperty("user", USER);
					credentials.setProperty("password", password);
					try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), credentials)) {
						log.info("The data directory {} belongs to a running Vigil: using its PostgreSQL on port {}",
								dataDir, port.get());
						return running;
					}
				}
				catch (IOException | SQLException ex) {
					problem = ex.getMessage();
				}
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new StartupProblem("The data directory " + dataDir + " is in use by another running Vigil, but " + problem
				+ "; wait until it has started, or stop it, then run the command again.");
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
