package org.vigil.timeline;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which items each user has read, set-based: one row per user and read item, written when
 * an item page is opened or an item is marked, in bulk for "mark all above as read".
 */
@Repository
class ReadMarks {

	private final JdbcClient jdbc;

	ReadMarks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks the item read; false if there is no such item. */
	boolean markRead(long userId, long itemId, Instant now) {
		return this.jdbc.sql("""
				insert into item_read (user_id, item_id, read_at)
				select :user, i.id, :now from item_view i where i.id = :item
				on conflict (user_id, item_id) do nothing
				""").param("user", userId).param("item", itemId).param("now", TimelineQueries.utc(now)).update() > 0
				|| isRead(userId, itemId);
	}

	void markUnread(long userId, long itemId) {
		this.jdbc.sql("delete from item_read where user_id = :user and item_id = :item")
			.param("user", userId)
			.param("item", itemId)
			.update();
	}

	boolean isRead(long userId, long itemId) {
		return this.jdbc.sql("select exists (select 1 from item_read where user_id = :user and item_id = :item)")
			.param("user", userId)
			.param("item", itemId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Marks read, in one statement, every item of the filter at or above the given item
	 * in timeline order (the selected item and everything newer); returns how many were
	 * unread.
	 */
	int markAbove(long userId, TimelineFilter filter, long throughItemId, Instant now) {
		Where where = Where.of(filter.withoutReader(), null, null);
		where.and("(i.published_at, i.id) >= (select t.published_at, t.id from item_view t where t.id = :through)");
		where.param("through", throughItemId);
		where.param("user", userId).param("now", TimelineQueries.utc(now));
		return this.jdbc
			.sql("insert into item_read (user_id, item_id, read_at) select :user, i.id, :now from item_view i"
					+ " join source_view s on s.id = i.source_id where " + where.sql()
					+ " on conflict (user_id, item_id) do nothing")
			.params(where.params())
			.update();
	}

	/** The read and the starred among the items, for the cards of one page. */
	ReadingState among(long userId, Collection<Long> itemIds) {
		Set<Long> read = new HashSet<>();
		Set<Long> starred = new HashSet<>();
		if (!itemIds.isEmpty()) {
			this.jdbc.sql("""
					select 'r' as kind, item_id from item_read where user_id = :user and item_id in (:ids)
					union all
					select 's', item_id from item_star where user_id = :user and item_id in (:ids)
					""").param("user", userId).param("ids", List.copyOf(itemIds)).query((rs) -> {
				("r".equals(rs.getString(1)) ? read : starred).add(rs.getLong(2));
			});
		}
		return new ReadingState(true, Set.copyOf(read), Set.copyOf(starred), "/", false);
	}

}
