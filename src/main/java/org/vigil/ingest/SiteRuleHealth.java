package org.vigil.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.vigil.sources.Source;

/**
 * Whether each source's site rule still finds the article: every page read with a body
 * rule is recorded, and the misses among a source's last pages are what
 * {@code /admin/sources} shows ("site rule missed on 3 of the last 20 pages").
 */
@Component
class SiteRuleHealth {

	private static final Logger log = LoggerFactory.getLogger(SiteRuleHealth.class);

	/** How many of a source's latest pages the health counts over. */
	static final int RECENT_PAGES = 20;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	SiteRuleHealth(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records how the source's body rule did on a page (nothing when it has none). */
	void record(Source source, String url, Extraction extraction) {
		if (source.selectors() == null || source.selectors().body() == null || url == null) {
			return;
		}
		boolean missed = extraction.siteRuleMissed();
		if (missed) {
			log.warn("source={} url={} {}", source.key(), url, extraction.partialReason());
		}
		this.jdbc.update("insert into site_rule_check (source_id, url, checked_at, missed, reason) "
				+ "values (?, ?, ?, ?, ?) on conflict (source_id, url) do update set checked_at = excluded.checked_at, "
				+ "missed = excluded.missed, reason = excluded.reason", source.id(), url,
				Timestamp.from(this.clock.instant()), missed, missed ? extraction.partialReason() : null);
	}

	/**
	 * For each source whose rule missed on some of its latest pages, what to tell the
	 * operator; sources whose rules hold are absent.
	 */
	Map<Long, String> misses() {
		Map<Long, String> misses = new HashMap<>();
		this.jdbc.query("select source_id, count(*) filter (where missed), count(*) from (select source_id, missed, "
				+ "row_number() over (partition by source_id order by checked_at desc) as n from site_rule_check) recent "
				+ "where n <= ? group by source_id having count(*) filter (where missed) > 0", rs -> {
					misses.put(rs.getLong(1),
							"site rule missed on " + rs.getLong(2) + " of the last " + rs.getLong(3) + " pages");
				}, RECENT_PAGES);
		return misses;
	}

}
