package org.vigil.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.VigilApplication;
import org.vigil.support.KillablePostgres;
import org.vigil.support.TestRows;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Losing the database is survived and visible: while PostgreSQL is gone pages answer
 * quickly with a 503 page that says so, readiness turns DOWN within seconds, and once the
 * server is back everything works again with every committed row, without a restart of
 * Vigil.
 */
class DatabaseOutageTest {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path dataDir;

	@Test
	void pagesAnswer503QuicklyAndReadinessGoesDownWhileTheDatabaseIsKilledAndEverythingComesBack() throws Exception {
		try (KillablePostgres postgres = KillablePostgres.start(this.dataDir);
				ConfigurableApplicationContext vigil = new SpringApplicationBuilder(VigilApplication.class).run(
						"--server.port=0", "--spring.datasource.url=" + postgres.url(),
						"--spring.datasource.username=postgres", "--vigil.users.public-timeline=true",
						// every scheduled job that uses the database runs in the outage
						"--vigil.users.session-cleanup-cron=* * * * * *")) {
			int port = vigil.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			TestRows rows = new TestRows(JdbcClient.create(vigil.getBean(HikariDataSource.class)));
			rows.item(rows.source("mod", "Ministry of Defence"), "Committed before the outage",
					Instant.parse("2026-03-01T10:00:00Z"));
			assertThat(get(port, "/").statusCode()).isEqualTo(200);
			assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);

			ListAppender<ILoggingEvent> log = new ListAppender<>();
			log.start();
			Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
			root.addAppender(log);

			postgres.kill();
			long killed = System.nanoTime();
			CompletableFuture<Duration> readinessDown = CompletableFuture.supplyAsync(() -> {
				while (System.nanoTime() - killed < Duration.ofSeconds(30).toNanos()) {
					if (get(port, "/actuator/health/readiness").statusCode() == 503) {
						return Duration.ofNanos(System.nanoTime() - killed);
					}
					sleep(100);
				}
				return Duration.ofSeconds(30);
			});

			// The first request meets the dead connections; the next ones the known
			// outage.
			for (int request = 1; request <= 3; request++) {
				long start = System.nanoTime();
				HttpResponse<String> page = get(port, "/");
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(page.statusCode()).as("request %d during the outage", request).isEqualTo(503);
				assertThat(took).as("request %d during the outage", request).isLessThan(Duration.ofSeconds(5));
				assertThat(page.body()).contains("The database is unavailable")
					.contains("vigil.css")
					.doesNotContain("Exception")
					.doesNotContain("at org.");
				assertThat(page.headers().firstValue("Retry-After")).isPresent();
				assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
			}

			Duration readiness = readinessDown.get(40, TimeUnit.SECONDS);
			System.out.println("Readiness DOWN " + readiness.toMillis() + " ms after the database was killed");
			assertThat(readiness).isLessThan(Duration.ofSeconds(10));
			assertThat(get(port, "/actuator/health/liveness").statusCode()).as("alive all along").isEqualTo(200);
			for (int request = 0; request < 10; request++) {
				assertThat(get(port, "/").statusCode()).isEqualTo(503);
			}
			root.detachAppender(log);
			assertThat(log.list.stream()
				.filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
				.filter((event) -> !event.getLoggerName().startsWith("io.zonky"))
				.map(ILoggingEvent::getFormattedMessage)).as("one line for the outage, however many requests")
				.singleElement(InstanceOfAssertFactories.STRING)
				.startsWith("Database unavailable");

			postgres.restart();

			awaitStatus(port, "/actuator/health/readiness", 200, Duration.ofSeconds(30));
			awaitStatus(port, "/", 200, Duration.ofSeconds(10));
			assertThat(get(port, "/").body()).contains("Committed before the outage");
		}
	}

	private void awaitStatus(int port, String path, int status, Duration within) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		int last = -1;
		while (System.nanoTime() < deadline) {
			last = get(port, path).statusCode();
			if (last == status) {
				return;
			}
			Thread.sleep(200);
		}
		assertThat(last).as("%s after the database came back", path).isEqualTo(status);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private HttpResponse<String> get(int port, String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", path.startsWith("/actuator") ? "application/json" : "text/html")
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
