package org.vigil.tagging;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.vigil.shared.ReferenceDataMigration;
import org.vigil.shared.ResourceChecksum;

/**
 * Repeatable migration: drops the waiting new-name candidates that the stop-word lists
 * ({@code db/gazetteer/stopwords-*.yaml}) now rule out, so the queue does not keep the
 * junk found before a word was listed. Its checksum is the lists', so it runs on the
 * first start after a list changed. Decided candidates (accepted, merged, rejected) stay
 * as they are.
 */
@Component
class CandidateStopWordsRefresh extends ReferenceDataMigration {

	private static final Logger log = LoggerFactory.getLogger(CandidateStopWordsRefresh.class);

	CandidateStopWordsRefresh() {
		super("new name candidates without stop words");
	}

	@Override
	public Integer getChecksum() {
		return ResourceChecksum.of(StopWords.files());
	}

	@Override
	protected void apply(JdbcTemplate jdbc) {
		log.info("new-name candidates dropped for stop words: {}", drop(jdbc, StopWords.shipped()));
	}

	static int drop(JdbcTemplate jdbc, StopWords stopWords) {
		List<Long> junk = jdbc
			.query("select id, name from entity_candidate where status = 'new'",
					(rs, n) -> hasStopWord(rs.getString(2), stopWords) ? rs.getLong(1) : null)
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		return junk.isEmpty() ? 0 : jdbc.update("delete from entity_candidate where id = any (?)",
				(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", junk.toArray())));
	}

	static boolean hasStopWord(String name, StopWords stopWords) {
		for (String word : name.strip().split("\\s+")) {
			if (stopWords.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
