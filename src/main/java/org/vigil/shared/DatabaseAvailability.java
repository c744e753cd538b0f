package org.vigil.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether the database can be reached right now, checked every second by one thread and
 * told at once by any request that lost its connection. Pages answer 503 while it is down
 * ({@link DatabaseUnavailableFilter}) and scheduled jobs wait
 * ({@link SchedulingWhileDatabaseIsDown}); the log gets one line when it goes and one
 * when it is back, however long the outage.
 */
@Component
public class DatabaseAvailability implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

	private static final long CHECK_EVERY_MILLIS = 1000;

	private static final int VALIDATION_TIMEOUT_SECONDS = 2;

	private final DataSource dataSource;

	private final Object wakeUp = new Object();

	private volatile boolean available = true;

	private volatile long lostAtNanos;

	private volatile Thread watcher;

	DatabaseAvailability(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public boolean isAvailable() {
		return this.available;
	}

	/**
	 * Takes note of a failure seen elsewhere; when it says the database is gone, the
	 * database counts as unavailable until a check reaches it again.
	 */
	public void reportFailure(Throwable failure) {
		if (DatabaseFailures.isUnavailable(failure)) {
			lost(DatabaseFailures.reason(failure));
			synchronized (this.wakeUp) {
				this.wakeUp.notifyAll();
			}
		}
	}

	@Override
	public void start() {
		Thread thread = Pools.daemonThreads("vigil-database-watch").newThread(this::watch);
		this.watcher = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.watcher;
		this.watcher = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.watcher != null;
	}

	private void watch() {
		while (this.watcher == Thread.currentThread()) {
			check();
			synchronized (this.wakeUp) {
				try {
					this.wakeUp.wait(CHECK_EVERY_MILLIS);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}
	}

	private void check() {
		try (Connection connection = this.dataSource.getConnection()) {
			if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
				back();
			}
			else {
				lost("the connection did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s");
			}
		}
		catch (SQLException ex) {
			if (DatabaseFailures.isUnavailable(ex)) {
				lost(DatabaseFailures.reason(ex));
			}
			// else every connection is busy: load, not an outage
		}
		catch (RuntimeException ex) {
			if (DatabaseFailures.isUnavailable(ex)) {
				lost(DatabaseFailures.reason(ex));
			}
		}
	}

	private synchronized void lost(String reason) {
		if (this.available) {
			this.available = false;
			this.lostAtNanos = System.nanoTime();
			log.warn("Database unavailable ({}); pages answer 503 and scheduled jobs wait until it is back", reason);
		}
	}

	private synchronized void back() {
		if (!this.available) {
			this.available = true;
			log.info("Database available again after {} s; scheduled jobs resume",
					TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - this.lostAtNanos));
		}
	}

}
