package org.vigil.shared;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.test.util.ReflectionTestUtils;
import org.vigil.VigilApplication;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled jobs skip their turns while the database is unavailable and run again by
 * themselves once the watcher reaches it.
 */
class SchedulingWhileDatabaseIsDownTest {

	@Test
	void aRepeatingJobSkipsItsTurnsWhileTheDatabaseIsDownAndResumesWhenItIsBack() throws Exception {
		DatabaseAvailability database = new DatabaseAvailability(
				new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", ""));
		ThreadPoolTaskScheduler pool = new ThreadPoolTaskScheduler();
		pool.initialize();
		try {
			database.reportFailure(new SQLException("Connection refused", "08001"));
			assertThat(database.isAvailable()).isFalse();
			AtomicInteger runs = new AtomicInteger();
			new SchedulingWhileDatabaseIsDown.SkippingWhileDown(pool, database)
				.scheduleWithFixedDelay(runs::incrementAndGet, Duration.ofMillis(50));
			Thread.sleep(500);
			assertThat(runs).as("turns taken while the database was down").hasValue(0);

			database.start(); // the watcher reaches the database
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (runs.get() < 3 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(database.isAvailable()).isTrue();
			assertThat(runs.get()).as("turns taken once it was back").isGreaterThanOrEqualTo(3);
		}
		finally {
			database.stop();
			pool.shutdown();
		}
	}

	@Test
	void aTurnThatLosesTheDatabaseMidWayReportsTheOutageInsteadOfFailingAndOtherErrorsStillFail() throws Exception {
		DatabaseAvailability database = new DatabaseAvailability(
				new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", ""));
		ThreadPoolTaskScheduler pool = new ThreadPoolTaskScheduler();
		List<Throwable> errors = new CopyOnWriteArrayList<>();
		pool.setErrorHandler(errors::add);
		pool.initialize();
		try {
			SchedulingWhileDatabaseIsDown.SkippingWhileDown skipping = new SchedulingWhileDatabaseIsDown.SkippingWhileDown(
					pool, database);
			// Began before the watcher noticed the outage: the job meets the dead
			// connection.
			skipping.scheduleWithFixedDelay(() -> {
				throw new RuntimeException("could not load", new SQLException("Connection refused", "08001"));
			}, Duration.ofSeconds(60));
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (database.isAvailable() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(database.isAvailable()).as("the job's lost connection told the watcher").isFalse();
			assertThat(errors).as("no job error for the outage").isEmpty();

			// A job's own error, with the database up, is still the job's error.
			new SchedulingWhileDatabaseIsDown.SkippingWhileDown(pool,
					new DatabaseAvailability(new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "")))
				.scheduleWithFixedDelay(() -> {
					throw new IllegalStateException("a bug");
				}, Duration.ofSeconds(60));
			while (errors.isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("a bug");
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void theApplicationsScheduledJobsRunThroughTheSkippingScheduler() {
		try (ConfigurableApplicationContext vigil = new SpringApplicationBuilder(VigilApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + TestPostgres.newDatabase(), "--spring.datasource.username=postgres",
					"--vigil.scheduling.enabled=true")) {
			Object registrar = ReflectionTestUtils.getField(vigil.getBean(ScheduledAnnotationBeanPostProcessor.class),
					"registrar");
			assertThat(((ScheduledTaskRegistrar) registrar).getScheduler())
				.isInstanceOf(SchedulingWhileDatabaseIsDown.SkippingWhileDown.class);
			assertThat(vigil.getBean(ScheduledAnnotationBeanPostProcessor.class).getScheduledTasks())
				.as("crawl, digest and re-tag jobs")
				.hasSizeGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void aPoolWithoutAFreeConnectionIsLoadNotAnOutage() {
		assertThat(DatabaseFailures.isUnavailable(new java.sql.SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 3000ms", (String) null)))
			.isFalse();
		assertThat(
				DatabaseFailures
					.isUnavailable(
							new RuntimeException("wrapped",
									new java.sql.SQLTransientConnectionException("timed out", "08001",
											new SQLException("Connection to localhost:5432 refused", "08001")))))
			.isTrue();
		assertThat(DatabaseFailures.isUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
		assertThat(DatabaseFailures.isUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
	}

}
