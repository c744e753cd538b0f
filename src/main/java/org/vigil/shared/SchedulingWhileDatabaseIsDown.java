package org.vigil.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Scheduled jobs (crawl, digest, re-tag, session clean-up) skip their turn while the
 * database is unavailable and run again by themselves once it is back: each would
 * otherwise wait out the connection timeout and log a stack trace every minute of the
 * outage. Every job Vigil schedules works on the database, so the rule is kept here once
 * rather than in each job.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingWhileDatabaseIsDown implements SchedulingConfigurer {

	private final ObjectProvider<TaskScheduler> schedulers;

	private final DatabaseAvailability database;

	SchedulingWhileDatabaseIsDown(ObjectProvider<TaskScheduler> schedulers, DatabaseAvailability database) {
		this.schedulers = schedulers;
		this.database = database;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		TaskScheduler scheduler = (registrar.getScheduler() != null) ? registrar.getScheduler()
				: this.schedulers.getIfUnique();
		if (scheduler != null) {
			registrar.setTaskScheduler(new SkippingWhileDown(scheduler, this.database));
		}
	}

	/**
	 * Repeating tasks skip a turn while the database is down; a task that runs once is
	 * left alone, as skipping it would lose it.
	 */
	static final class SkippingWhileDown implements TaskScheduler {

		private final TaskScheduler scheduler;

		private final DatabaseAvailability database;

		SkippingWhileDown(TaskScheduler scheduler, DatabaseAvailability database) {
			this.scheduler = scheduler;
			this.database = database;
		}

		/**
		 * A turn that began just before the outage was noticed fails on its connection:
		 * that failure is the outage's news (one line, from
		 * {@link DatabaseAvailability}), not the job's error.
		 */
		private Runnable whenAvailable(Runnable task) {
			return () -> {
				if (this.database.isAvailable()) {
					try {
						task.run();
					}
					catch (RuntimeException ex) {
						if (!DatabaseFailures.isUnavailable(ex)) {
							throw ex;
						}
						this.database.reportFailure(ex);
					}
				}
			};
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
			return this.scheduler.schedule(whenAvailable(task), trigger);
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
			return this.scheduler.schedule(task, startTime);
		}

		@Override
		public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
			return this.scheduler.scheduleAtFixedRate(whenAvailable(task), startTime, period);
		}

		@Override
		public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
			return this.scheduler.scheduleAtFixedRate(whenAvailable(task), period);
		}

		@Override
		public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
			return this.scheduler.scheduleWithFixedDelay(whenAvailable(task), startTime, delay);
		}

		@Override
		public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
			return this.scheduler.scheduleWithFixedDelay(whenAvailable(task), delay);
		}

	}

}
