package org.vigil.shared;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Lets a command's event listeners finish what the command set off — tagging the items it
 * stored — before its context closes: closing it shuts the connection pool under a
 * listener still running, which then fails and leaves its event for the next start of the
 * web application. What is not done within the shutdown phase's time
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}, 30 s unless set) is left the same
 * way.
 */
final class CommandListeners {

	/** Spring Boot's executor, on which the durable event listeners run. */
	static final String EXECUTOR = "applicationTaskExecutor";

	private CommandListeners() {
	}

	static void finish(ConfigurableApplicationContext context) {
		// A command's beans are lazy: no executor means no listener was ever started.
		if (!context.getBeanFactory().containsSingleton(EXECUTOR)
				|| !(context.getBeanFactory().getSingleton(EXECUTOR) instanceof ThreadPoolTaskExecutor executor)) {
			return;
		}
		Duration wait = context.getEnvironment()
			.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class, Duration.ofSeconds(30));
		ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
		// Unlike the executor's own shutdown, this runs what is queued as well.
		pool.shutdown();
		try {
			pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
