package org.vigil;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.vigil.shared.Cli;

/**
 * Vigil: defence and security statements on a dated, searchable timeline.
 *
 * <p>
 * Without arguments (or with Spring-style {@code --name=value} options) it starts the web
 * application; with a command ({@code vigil.jar crawl --once}) it runs that job and exits
 * without a web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigilApplication {

	public static void main(String[] args) {
		if (Cli.isCommand(args)) {
			System.exit(Cli.run(VigilApplication.class, args));
		}
		SpringApplication.run(VigilApplication.class, args);
	}

}
