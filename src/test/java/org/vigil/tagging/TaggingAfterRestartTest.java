package org.vigil.tagging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.VigilApplication;
import org.vigil.items.ItemDraft;
import org.vigil.items.ItemStore;
import org.vigil.items.ItemStored;
import org.vigil.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash mid-tagging loses no tagging: {@code ItemStored} is recorded with the item, and
 * a publication whose listener did not complete — the application stopped while it ran,
 * or it threw — is published again when the application starts next, on the same
 * database.
 *
 * <p>
 * The listener is held mid-way by a lock on {@code item_tagging} taken from outside, the
 * way a slow or stuck database holds it: it has begun its transaction and waits to write
 * the item's tagging row.
 */
class TaggingAfterRestartTest {

	private static final String TEXT = "NATO Secretary General Mark Rutte met soldiers of the Forward Land Forces "
			+ "in Orzysz. Rutte thanked Poland for hosting F-35 jets.";

	@Test
	void itemsWhoseTaggingWasCutOffByAStopAreTaggedAfterTheRestart() throws Exception {
		String url = TestPostgres.newDatabase();
		List<Long> items = new ArrayList<>();
		try (Connection lock = DriverManager.getConnection(url, "postgres", "")) {
			lock.setAutoCommit(false);
			try (ConfigurableApplicationContext vigil = start(url)) {
				holdTaggingWrites(lock);
				for (int i = 1; i <= 3; i++) {
					items.add(store(vigil, "nato:/crash-" + i));
				}
				// Two listeners run (the pool's two threads), blocked; the third waits in
				// the queue.
				List<Integer> listeners = awaitListenersBlocked(lock, 2);
				vigil.close();
				endBackends(lock, listeners);
			}
			// The stop cut the listeners off mid-transaction: nothing of their work
			// remains.
			assertThat(taggedCount(lock)).isZero();
			assertThat(statuses(lock)).hasSize(3);
			// Stopped again while the republished events are being tagged: the two
			// running are PROCESSING, the queued one RESUBMITTED. The next start still
			// publishes all three.
			try (ConfigurableApplicationContext vigil = start(url)) {
				List<Integer> listeners = awaitListenersBlocked(lock, 2);
				vigil.close();
				endBackends(lock, listeners);
			}
			assertThat(taggedCount(lock)).isZero();
			assertThat(statuses(lock)).containsExactlyInAnyOrder("PROCESSING", "PROCESSING", "RESUBMITTED");
			lock.rollback();
		}
		try (ConfigurableApplicationContext vigil = start(url)) {
			JdbcTemplate jdbc = vigil.getBean(JdbcTemplate.class);
			await(() -> completedCount(jdbc) == 3);
			for (long item : items) {
				assertThat(mentionedEntities(jdbc, item)).contains("mark-rutte", "PL", "f-35");
			}
			assertThat(jdbc.queryForList("select status from event_publication", String.class))
				.containsOnly("COMPLETED");
		}
	}

	@Test
	void anItemIsTaggedAndItsPublicationCompletedAndTaggingItAgainGivesTheSameTags() throws Exception {
		try (ConfigurableApplicationContext vigil = start(TestPostgres.newDatabase())) {
			JdbcTemplate jdbc = vigil.getBean(JdbcTemplate.class);
			long item = store(vigil, "nato:/normal");
			await(() -> completedCount(jdbc) == 1);
			assertThat(jdbc.queryForMap("select listener_id, status from event_publication"))
				.containsEntry("listener_id", ItemStoredListener.ID)
				.containsEntry("status", "COMPLETED");
			assertThat(mentionedEntities(jdbc, item)).contains("mark-rutte", "PL", "f-35");
			List<Map<String, Object>> mentions = mentions(jdbc, item);

			// The same event again, as a republication after a crash delivers it.
			vigil.getBean(TransactionTemplate.class)
				.executeWithoutResult((status) -> vigil.publishEvent(new ItemStored(item, true)));
			await(() -> completedCount(jdbc) == 2);
			assertThat(mentions(jdbc, item)).isEqualTo(mentions);
		}
	}

	@Test
	void aListenerThatFailsLeavesThePublicationIncompleteAndItIsRetriedOnRestart() throws Exception {
		String url = TestPostgres.newDatabase();
		long item;
		try (Connection lock = DriverManager.getConnection(url, "postgres", "")) {
			lock.setAutoCommit(false);
			try (ConfigurableApplicationContext vigil = start(url)) {
				holdTaggingWrites(lock);
				item = store(vigil, "nato:/failure");
				int listener = awaitListenersBlocked(lock, 1).get(0);
				// Its connection is lost: tagging throws.
				ints(lock, "select 1 from (select pg_terminate_backend(" + listener + ")) t");
				JdbcTemplate jdbc = vigil.getBean(JdbcTemplate.class);
				await(() -> "FAILED".equals(jdbc.queryForObject("select status from event_publication", String.class)));
				assertThat(jdbc.queryForObject("select completion_date from event_publication", Instant.class))
					.isNull();
				assertThat(taggedCount(lock)).isZero();
				lock.rollback();
			}
		}
		try (ConfigurableApplicationContext vigil = start(url)) {
			JdbcTemplate jdbc = vigil.getBean(JdbcTemplate.class);
			await(() -> completedCount(jdbc) == 1);
			assertThat(mentionedEntities(jdbc, item)).contains("mark-rutte", "PL", "f-35");
			assertThat(jdbc.queryForObject("select completion_attempts from event_publication", Integer.class))
				.isEqualTo(2);
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		// A stop waits for running listeners at most 1 s (the real default is 20 s).
		return new SpringApplicationBuilder(VigilApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.hikari.minimum-idle=1", "--vigil.scheduling.enabled=false",
				"--spring.lifecycle.timeout-per-shutdown-phase=1s");
	}

	private static long store(ConfigurableApplicationContext vigil, String key) {
		long source = vigil.getBean(JdbcTemplate.class)
			.queryForObject("select id from source where key = 'nato'", Long.class);
		return vigil.getBean(ItemStore.class)
			.store(new ItemDraft(source, key, "https://example.org/" + key, "Rutte visits Poland", "news", "en", null,
					Instant.parse("2025-12-19T10:00:00Z"), "time", null, null, "<p>" + TEXT + "</p>", TEXT, false, null,
					null, null))
			.itemId();
	}

	/**
	 * Holds every write to item_tagging until the connection rolls back: a listener waits
	 * there, its transaction begun.
	 */
	private static void holdTaggingWrites(Connection lock) throws SQLException {
		try (Statement statement = lock.createStatement()) {
			statement.execute("lock table item_tagging in share mode");
		}
	}

	/** Waits for listeners to wait on the lock; returns their backends' process ids. */
	private static List<Integer> awaitListenersBlocked(Connection lock, int count) throws Exception {
		List<Integer> waiting = new ArrayList<>();
		await(() -> {
			waiting.clear();
			waiting.addAll(ints(lock,
					"select pid from pg_locks where not granted " + "and relation = 'item_tagging'::regclass"));
			return waiting.size() == count;
		});
		return waiting;
	}

	/**
	 * Ends the stopped application's listener backends, as PostgreSQL does once it
	 * notices their client is gone (a backend waiting on a lock notices only when it gets
	 * it).
	 */
	private static void endBackends(Connection lock, List<Integer> pids) throws Exception {
		for (int pid : pids) {
			ints(lock, "select 1 from (select pg_terminate_backend(" + pid + ")) t");
		}
		// pg_stat_activity is read once per transaction and kept until it ends, and the
		// lock's transaction is still open: each look clears that snapshot first, or a
		// backend seen before it exited would be seen forever.
		await(() -> {
			ints(lock, "select 1 from (select pg_stat_clear_snapshot()) t");
			return pids.stream()
				.allMatch((pid) -> ints(lock, "select pid from pg_stat_activity where pid = " + pid).isEmpty());
		});
	}

	private static int taggedCount(Connection connection) {
		return ints(connection, "select count(*)::int from item_tagging").get(0);
	}

	/** The statuses of the publications, all of them ItemStoredListener's, incomplete. */
	private static List<String> statuses(Connection connection) throws SQLException {
		List<String> statuses = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				var rs = statement.executeQuery("select listener_id, status, completion_date from event_publication")) {
			while (rs.next()) {
				assertThat(rs.getString(1)).isEqualTo(ItemStoredListener.ID);
				assertThat(rs.getTimestamp(3)).as("completion date").isNull();
				statuses.add(rs.getString(2));
			}
		}
		return statuses;
	}

	private static List<Integer> ints(Connection connection, String sql) {
		List<Integer> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getInt(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return values;
	}

	private static int completedCount(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from event_publication where completion_date is not null",
				Integer.class);
	}

	private static List<Map<String, Object>> mentions(JdbcTemplate jdbc, long item) {
		return jdbc.queryForList("select entity_id, start_pos, end_pos, in_title, surface, confidence, resolved_by "
				+ "from mention where item_id = ? order by in_title desc, start_pos, entity_id", item);
	}

	private static List<String> mentionedEntities(JdbcTemplate jdbc, long item) {
		return jdbc.queryForList(
				"select e.key from item_entity ie join entity e on e.id = ie.entity_id where ie.item_id = ?",
				String.class, item);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("condition met within 60 s").isBefore(deadline);
			Thread.sleep(50);
		}
	}

}
