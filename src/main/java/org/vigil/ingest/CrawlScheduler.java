package org.vigil.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Crawls due sources in the background. Safe with several instances on one database:
 * sources are claimed with {@code FOR UPDATE SKIP LOCKED} and a renewed lease
 * ({@code SourceRepository.claimDue}). A tick only starts crawls and returns, so a stuck
 * source never delays the next one.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "vigil.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class CrawlScheduler {

	private static final Logger log = LoggerFactory.getLogger(CrawlScheduler.class);

	private final CrawlService crawls;

	CrawlScheduler(CrawlService crawls) {
		this.crawls = crawls;
	}

	@Scheduled(fixedDelayString = "${vigil.ingest.scheduler-interval:1m}", initialDelayString = "30s")
	void crawlDueSources() {
		try {
			this.crawls.startDue();
		}
		catch (RuntimeException ex) {
			log.error("scheduled crawl failed", ex);
		}
	}

}
