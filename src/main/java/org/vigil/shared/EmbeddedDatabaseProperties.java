package org.vigil.shared;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PostgreSQL server Vigil starts itself when no
 * {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the cluster lives; it survives restarts
 * @param port TCP port on localhost, 0 for any free port
 * @param serverConfig extra {@code postgresql.conf} settings, e.g. {@code shared_buffers}
 * @param durable {@code fsync}, {@code synchronous_commit} and {@code full_page_writes}
 * on, so a committed transaction survives a crash of the machine; off trades that for
 * speed
 * @param attachToRunning when another Vigil runs on the data directory, use its server
 * instead of refusing to start (the command line sets it, so commands work beside the web
 * application)
 */
@ConfigurationProperties("vigil.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDir, @DefaultValue("0") int port,
		Map<String, String> serverConfig, @DefaultValue("true") boolean durable,
		@DefaultValue("false") boolean attachToRunning) {

	public EmbeddedDatabaseProperties {
		serverConfig = (serverConfig != null) ? Map.copyOf(serverConfig) : Map.of();
	}

	/** The defaults for a data directory: durable, refusing a directory in use. */
	public static EmbeddedDatabaseProperties of(Path dataDir) {
		return new EmbeddedDatabaseProperties(dataDir, 0, Map.of(), true, false);
	}

}
