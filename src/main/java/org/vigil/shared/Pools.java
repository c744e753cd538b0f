package org.vigil.shared;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Java 19+ gives executors and threads, written for the Java 17 baseline Vigil runs
 * on.
 */
public final class Pools {

	private Pools() {
	}

	/**
	 * Shuts the pool down and waits for its tasks, as {@code ExecutorService.close()}
	 * does on Java 19+: an interrupt while waiting cancels the tasks and is kept.
	 */
	public static void close(ExecutorService pool) {
		pool.shutdown();
		boolean interrupted = false;
		while (!pool.isTerminated()) {
			try {
				pool.awaitTermination(1, TimeUnit.DAYS);
			}
			catch (InterruptedException ex) {
				if (!interrupted) {
					pool.shutdownNow();
					interrupted = true;
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Daemon platform threads named {@code name-1}, {@code name-2}, … */
	public static ThreadFactory daemonThreads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
