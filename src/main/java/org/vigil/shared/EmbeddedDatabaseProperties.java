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
 */
@ConfigurationProperties("vigil.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDir, @DefaultValue("0") int port,
		Map<String, String> serverConfig) {

	public EmbeddedDatabaseProperties {
		serverConfig = (serverConfig != null) ? Map.copyOf(serverConfig) : Map.of();
	}

}
