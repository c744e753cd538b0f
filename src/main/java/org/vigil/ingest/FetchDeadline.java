package org.vigil.ingest;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.vigil.shared.Pools;

/**
 * The clock of one request: when its time is up it aborts the request from outside, so a
 * server that dribbles a byte a second meets the deadline, not a per-read timeout. A
 * request has two limits in turn, one for the response headers and one for the whole
 * exchange; the message of the limit that struck is what the operator reads.
 */
final class FetchDeadline {

	/**
	 * One daemon thread for every request of the JVM: all it does is close a connection
	 * now and then.
	 */
	private static final ScheduledThreadPoolExecutor TIMER = timer();

	private final Runnable abort;

	private ScheduledFuture<?> pending;

	private String message;

	private String struck;

	private boolean ended;

	private FetchDeadline(Runnable abort) {
		this.abort = abort;
	}

	private static ScheduledThreadPoolExecutor timer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Pools.daemonThreads("fetch-deadline"));
		// Most requests end well before their deadline: drop their tasks at once.
		timer.setRemoveOnCancelPolicy(true);
		return timer;
	}

	/**
	 * Starts the clock.
	 * @param abort what ends the request (closes its connection)
	 * @param atNanos when, on {@link System#nanoTime()}'s scale
	 * @param message what to say if it comes to that
	 * @return the running deadline
	 */
	static FetchDeadline start(Runnable abort, long atNanos, String message) {
		FetchDeadline deadline = new FetchDeadline(abort);
		deadline.moveTo(atNanos, message);
		return deadline;
	}

	/** Replaces the limit not yet reached by another one. */
	synchronized void moveTo(long atNanos, String message) {
		if (this.struck != null || this.ended) {
			return;
		}
		if (this.pending != null) {
			this.pending.cancel(false);
		}
		this.message = message;
		this.pending = TIMER.schedule(this::strike, Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
	}

	private void strike() {
		synchronized (this) {
			if (this.ended) {
				return;
			}
			this.struck = this.message;
		}
		// Outside the lock: closing a connection may take a moment.
		this.abort.run();
	}

	/**
	 * Why the request was aborted, if it was.
	 * @return the message of the limit that struck, or null
	 */
	synchronized String struck() {
		return this.struck;
	}

	/** Stops the clock: the request is over. */
	synchronized void end() {
		this.ended = true;
		if (this.pending != null) {
			this.pending.cancel(false);
		}
	}

}
