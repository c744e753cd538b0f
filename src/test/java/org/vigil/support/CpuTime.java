package org.vigil.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time used so far, for benchmarks that say what a run cost: on two cores
 * PostgreSQL's share decides a run's speed as much as Vigil's.
 */
public final class CpuTime {

	private CpuTime() {
	}

	/** CPU time of this JVM so far. */
	public static long jvmNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** CPU time of the database's server processes so far (Linux /proc; 0 elsewhere). */
	public static long postgresNanos(JdbcTemplate jdbc) {
		long ticks = 0;
		for (Integer pid : jdbc.queryForList("select pid from pg_stat_activity", Integer.class)) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				// utime and stime: fields 14 and 15 of the line, 12 and 13 after the
				// name.
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException | RuntimeException ex) {
				// Not Linux, or the process is gone.
			}
		}
		return ticks * 10_000_000L;
	}

}
