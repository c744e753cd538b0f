package org.vigil.tagging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.shared.Pools;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-tags stored items in the background after the gazetteer changed, one job at a time,
 * with its progress in {@code tag_job} (done / total, resumable from the last item).
 */
@Component
class RetagJobs {

	private static final Logger log = LoggerFactory.getLogger(RetagJobs.class);

	private static final int BATCH = 100;

	/** A job as the admin page shows it. */
	record Job(long id, String reason, long gazetteerVersion, String state, int total, int done, String error,
			Timestamp createdAt, Timestamp finishedAt) {

		public int percent() {
			return (this.total == 0) ? 100 : (int) (100L * this.done / this.total);
		}

	}

	private final JdbcTemplate jdbc;

	private final GazetteerRepository gazetteer;

	private final ItemTagger tagger;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(Pools.daemonThreads("retag"));

	RetagJobs(JdbcTemplate jdbc, GazetteerRepository gazetteer, ItemTagger tagger, Clock clock) {
		this.jdbc = jdbc;
		this.gazetteer = gazetteer;
		this.tagger = tagger;
		this.clock = clock;
	}

	/**
	 * Queues a re-tag of every item not tagged with the current gazetteer, and starts it.
	 */
	long enqueue(String reason) {
		Long id = this.jdbc.queryForObject("""
				insert into tag_job (reason, gazetteer_version, total, created_at)
				values (?, ?, (select count(*) from item_view), ?) returning id""", Long.class, reason,
				this.gazetteer.version(), Timestamp.from(this.clock.instant()));
		this.executor.execute(this::runPending);
		return (id == null) ? 0 : id;
	}

	List<Job> recent() {
		return this.jdbc.query("""
				select id, reason, gazetteer_version, state, total, done, error, created_at, finished_at
				from tag_job order by id desc limit 20""",
				(rs, row) -> new Job(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
						rs.getInt(6), rs.getString(7), rs.getTimestamp(8), rs.getTimestamp(9)));
	}

	/**
	 * Runs queued jobs to the end; several instances share the work through row locks.
	 */
	synchronized int runPending() {
		int tagged = 0;
		while (true) {
			List<Long> claimed = this.jdbc.queryForList("""
					update tag_job set state = 'running', started_at = coalesce(started_at, ?)
					where id = (select id from tag_job where state in ('queued', 'running')
					            order by id limit 1 for update skip locked)
					returning id""", Long.class, Timestamp.from(this.clock.instant()));
			if (claimed.isEmpty()) {
				return tagged;
			}
			long job = claimed.get(0);
			try {
				tagged += run(job);
				this.jdbc.update("update tag_job set state = 'done', finished_at = ? where id = ?",
						Timestamp.from(this.clock.instant()), job);
			}
			catch (RuntimeException ex) {
				log.warn("Re-tag job={} failed: {}", job, ex.toString());
				this.jdbc.update("update tag_job set state = 'failed', error = ?, finished_at = ? where id = ?",
						ex.toString(), Timestamp.from(this.clock.instant()), job);
			}
		}
	}

	private int run(long job) {
		int tagged = 0;
		long last = this.jdbc.queryForObject("select last_item_id from tag_job where id = ?", Long.class, job);
		while (true) {
			// Items already tagged with the current gazetteer (by ingest meanwhile) are
			// skipped but counted.
			List<long[]> batch = this.jdbc.query("""
					select i.id, case when t.gazetteer_version = (select version from gazetteer_version where id = 1)
					                  then 1 else 0 end
					from item_view i left join item_tagging t on t.item_id = i.id
					where i.id > ? order by i.id limit ?""", (rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) },
					last, BATCH);
			if (batch.isEmpty()) {
				return tagged;
			}
			for (long[] item : batch) {
				if (item[1] == 0) {
					this.tagger.tag(item[0]);
					tagged++;
				}
				last = item[0];
			}
			this.jdbc.update("update tag_job set done = least(total, done + ?), last_item_id = ? where id = ?",
					batch.size(), last, job);
		}
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
