package org.vigil.timeline;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * "Best match" pages of a search: the newest matches ranked by how well they match,
 * discounted by age.
 *
 * <p>
 * The score is {@code ts_rank_cd} with the title (weight A in {@code item.search}) worth
 * 2.5 times the body (weight B), with cover density (terms close together) counting, and
 * normalised by log of the length so long speeches do not win by bulk; divided by
 * {@code 1 + age / 30 days}, so a match a month old needs twice the relevance of one from
 * today. Ranking needs the score of every candidate, so the candidates are the newest
 * {@code cap} matches (the timeline's own index order, cheap): a broad query ranks its
 * recent matches and the page says so; a narrow one ranks them all. Pages are counted
 * ({@code rank=30}) rather than keyed: within a bounded list an offset costs little, and
 * a score is not a stable key (it decays with the clock between two page views).
 */
@Repository
class BestMatchQueries {

	private static final String SCORE = "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', m.search, " + TimelineQueries.TS_QUERY
			+ ", 1)" + " / (1 + greatest(extract(epoch from (:now - m.published_at)), 0) / 2592000.0)";

	private final JdbcClient jdbc;

	BestMatchQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} rows after the first {@code skip}, best first, among the newest
	 * {@code cap} matches of a filter with a query.
	 */
	List<TimelineQueries.Row> page(TimelineFilter filter, Instant now, int skip, int limit, int cap) {
		Where where = Where.of(filter, null, null);
		where.param("cap", cap).param("now", TimelineQueries.utc(now)).param("skip", skip).param("limit", limit);
		String sql = "with m as materialized (select i.id, i.search, i.published_at from item_view i"
				+ " join source_view s on s.id = i.source_id where " + where.sql()
				+ " order by i.published_at desc, i.id desc limit :cap)," + " ranked as (select m.id, " + SCORE
				+ " as score from m order by score desc, m.id desc" + " offset :skip limit :limit)" + " select p.*, "
				+ TimelineQueries.snippet(filter) + " as snippet from (select r.score, i.id, i.title,"
				+ " i.item_type, i.language, i.published_at, i.published_precision, i.summary, i.body_text,"
				+ " i.story_id, s.key as source_key, s.name as source_name, s.kind as source_kind, s.official"
				+ " from ranked r join item_view i on i.id = r.id join source_view s on s.id = i.source_id) p"
				+ " order by p.score desc, p.id desc";
		return this.jdbc.sql(sql).params(where.params()).query(TimelineQueries::row).list();
	}

}
