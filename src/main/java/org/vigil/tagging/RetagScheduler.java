package org.vigil.tagging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Notices gazetteer changes made outside the admin pages (migrations, SQL) and queues a
 * re-tag; also resumes jobs an earlier instance left unfinished.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "vigil.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class RetagScheduler {

	private final JdbcTemplate jdbc;

	private final RetagJobs jobs;

	RetagScheduler(JdbcTemplate jdbc, RetagJobs jobs) {
		this.jdbc = jdbc;
		this.jobs = jobs;
	}

	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT1M")
	void retagWhenTheGazetteerChanged() {
		Boolean stale = this.jdbc.queryForObject("""
				select exists (select 1 from item_tagging t
				               where t.gazetteer_version < (select version from gazetteer_version where id = 1))
				   and not exists (select 1 from tag_job j
				                   where j.gazetteer_version = (select version from gazetteer_version where id = 1))""",
				Boolean.class);
		if (Boolean.TRUE.equals(stale)) {
			this.jobs.enqueue("gazetteer changed");
		}
		else {
			this.jobs.runPending();
		}
	}

}
