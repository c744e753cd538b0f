package org.vigil.digest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.VigilApplication;
import org.vigil.support.CommandRun;
import org.vigil.timeline.TimelineSearch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed target of the digest: 10,000 users with 3 saved searches each over 1,000,000
 * items; the whole weekly run renders and hands every mail to a local SMTP server (a
 * counting {@link SmtpSink}, or GreenMail with {@code -Dbench.greenmail=true}, started
 * here) in under 2 minutes. Runs only with {@code -Dbench=true} (see README and
 * bench/digest.sh).
 *
 * <p>
 * It uses the embedded database in {@code -Dbench.datadir} (default
 * {@code ./data/bench-postgres}, the one bench/timeline.sh fills), loading synthetic
 * items with demo-data first when {@code <datadir>.items} records fewer than
 * {@code -Dbench.items} (default 1,000,000). The benchmark users (bench-N@bench.invalid)
 * are made again on every run and are due at the current hour in one of five time zones,
 * so the run covers the past week of items. Their saved searches are drawn from the
 * entities the items name most: a country, a country and a programme, or a word and a
 * country, so users share filters as analysts do (560 distinct filters; the output says
 * how many, and what one filter costs).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DigestBenchmarkTest {

	private static final int USERS = Integer.getInteger("bench.users", 10_000);

	private static final boolean PROFILE_ONLY = Boolean.getBoolean("bench.profile-only");

	@Test
	void theWeeklyRunForTenThousandUsersTakesLessThanTwoMinutes() throws Exception {
		Path dataDir = Path.of(System.getProperty("bench.datadir", "data/bench-postgres")).toAbsolutePath();
		long items = Long.getLong("bench.items", 1_000_000);
		Path marker = Path.of(dataDir + ".items");
		long have = Files.exists(marker) ? Long.parseLong(Files.readString(marker).strip()) : 0;
		Map<String, String> database = Map.of("vigil.embedded-db.data-dir", dataDir.toString(),
				"vigil.embedded-db.server-config.shared_buffers", "512MB");
		if (have < items) {
			CommandRun load = CommandRun.of(database, "demo-data", "--items", String.valueOf(items - have));
			assertThat(load.exitCode()).as(load.err()).isZero();
			Files.writeString(marker, String.valueOf(items));
		}
		boolean greenMail = Boolean.getBoolean("bench.greenmail");
		int port = DigestFixture.freePort();
		GreenMail green = null;
		SmtpSink sink = null;
		if (greenMail) {
			green = DigestFixture.smtpServer(port);
		}
		else {
			sink = new SmtpSink();
			port = sink.port();
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VigilApplication.class)
			.web(WebApplicationType.NONE)
			.properties("vigil.scheduling.enabled=false", "vigil.embedded-db.data-dir=" + dataDir,
					"vigil.embedded-db.server-config.shared_buffers=512MB", "spring.mail.host=127.0.0.1",
					"spring.mail.port=" + port, "vigil.site.base-url=https://vigil.example.org",
					"logging.level.org.vigil.digest=WARN",
					// GreenMail logs every new mailbox; on the console that is slower
					// than the run
					"logging.level.com.icegreen=WARN")
			.run()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			prepareUsers(jdbc);
			profile(jdbc, context.getBean(TimelineSearch.class));
			if (PROFILE_ONLY) {
				return;
			}
			DigestService digests = context.getBean(DigestService.class);
			long started = System.nanoTime();
			DigestService.Outcome outcome = digests.run("command", null);
			double seconds = (System.nanoTime() - started) / 1e9;
			long received = greenMail ? green.getReceivedMessages().length : sink.messages();
			long distinct = jdbc
				.sql("select count(distinct parameters) from saved_search s join app_user u"
						+ " on u.id = s.user_id where u.email like 'bench-%@bench.invalid'")
				.query(Long.class)
				.single();
			System.out.printf(
					"BENCH digest: %,d users, %,d saved searches (%,d distinct) over %,d items: %,d sent, %,d skipped,"
							+ " %,d failed, %,d received by %s in %.1f s (%.0f mails/s)%n",
					USERS, USERS * 3, distinct, jdbc.sql("select count(*) from item").query(Long.class).single(),
					outcome.sent(), outcome.skipped(), outcome.failed(), received,
					greenMail ? "GreenMail" : "the SMTP sink", seconds, outcome.sent() / seconds);
			assertThat(outcome.sent() + outcome.skipped()).isEqualTo(USERS);
			assertThat(received).isEqualTo(outcome.sent());
			assertThat(outcome.sent()).isGreaterThan(USERS / 2);
			assertThat(seconds).isLessThan(120);
		}
		finally {
			if (green != null) {
				green.stop();
			}
			if (sink != null) {
				System.out.printf("BENCH SMTP sink: %,d messages, %,d MB%n", sink.messages(), sink.bytes() >> 20);
				sink.close();
			}
		}
	}

	/**
	 * Makes the benchmark users again: due now (this hour, today, in their zone), three
	 * saved searches each.
	 */
	private static void prepareUsers(JdbcClient jdbc) {
		jdbc.sql("delete from app_user where email like 'bench-%@bench.invalid'").update();
		jdbc.sql("""
				insert into app_user (email, time_zone, locale, digest_day, digest_hour, created_at)
				select 'bench-' || n || '@bench.invalid', z.zone, (array['en', 'pl', 'de', 'fr', 'ro'])[1 + n % 5],
				       extract(isodow from now() at time zone z.zone), extract(hour from now() at time zone z.zone),
				       timestamptz '2020-01-01 00:00Z'
				from generate_series(1, :users) n
				cross join lateral (select (array['UTC', 'Europe/Warsaw', 'Europe/London', 'America/New_York',
				                                  'Pacific/Auckland'])[1 + n % 5] as zone) z
				""").param("users", USERS).update();
		// Filters drawn from the entities the synthetic items name most, as analysts
		// follow the same countries and programmes: a country (of 40), a country and a
		// programme (200 pairs), a word and a country (320 pairs).
		jdbc.sql(
				"""
						with named as (select e.type, e.key, count(*) as n from item_entity ie join entity e on e.id = ie.entity_id
						               where e.type in ('country', 'programme') group by e.type, e.key),
						     countries as (select array_agg(key order by n desc, key) as k
						                   from (select key, n from named where type = 'country' order by n desc, key limit 40) c),
						     programmes as (select array_agg(key order by n desc, key) as k
						                    from (select key, n from named where type = 'programme' order by n desc, key limit 25) p),
						     words as (select array['air defence', 'exercise', 'procurement', 'drones', 'minister',
						                            'contract', 'navy', 'missile'] as k),
						     u as (select id, row_number() over (order by id) as n from app_user
						           where email like 'bench-%@bench.invalid')
						insert into saved_search (user_id, name, parameters)
						select u.id, 'Search ' || s,
						       case s
						         when 1 then 'country=' || c.k[1 + (u.n * 7) % cardinality(c.k)]
						         when 2 then 'country=' || c.k[1 + u.n % cardinality(c.k)]
						                     || '&programme=' || p.k[1 + u.n % cardinality(p.k)]
						         else 'q=' || replace(w.k[1 + u.n % cardinality(w.k)], ' ', '+')
						              || '&country=' || c.k[1 + (u.n / 8) % cardinality(c.k)]
						       end
						from u cross join generate_series(1, 3) s, countries c, programmes p, words w
						""")
			.update();
	}

	/** Where the time of one saved search goes, on 50 of the benchmark's filters. */
	private static void profile(JdbcClient jdbc, TimelineSearch search) {
		List<String> filters = jdbc
			.sql("select distinct parameters from saved_search s join app_user u"
					+ " on u.id = s.user_id where u.email like 'bench-%@bench.invalid' limit 50")
			.query(String.class)
			.list();
		Instant until = Instant.now().truncatedTo(ChronoUnit.HOURS);
		Instant since = until.minus(Duration.ofDays(7));
		long check = 0;
		long first = 0;
		long count = 0;
		for (String filter : filters) {
			search.firstSeen(filter, since, until, 10);
		}
		for (String filter : filters) {
			long t0 = System.nanoTime();
			search.check(filter);
			long t1 = System.nanoTime();
			search.firstSeen(filter, since, until, 10);
			long t2 = System.nanoTime();
			search.countFirstSeen(filter, since, until);
			long t3 = System.nanoTime();
			check += t1 - t0;
			first += t2 - t1;
			count += t3 - t2;
		}
		if (PROFILE_ONLY) {
			Long country = jdbc.sql("select id from entity where type = 'country' and key = 'PL'")
				.query(Long.class)
				.single();
			for (String where : List.of(
					"exists (select 1 from item_entity ie where ie.item_id = i.id and ie.entity_id in (" + country
							+ "))",
					"i.search @@ websearch_to_tsquery('simple', vigil_unaccent('air defence')) and exists (select 1 from item_entity ie where ie.item_id = i.id and ie.entity_id in ("
							+ country + "))")) {
				for (String sql : List.of(
						"select i.id, i.title from (select * from item where first_seen_at >= :since and first_seen_at < :until offset 0) i join source s on s.id = i.source_id where i.published_at is not null and "
								+ where
								+ " and i.first_seen_at >= :since and i.first_seen_at < :until order by i.first_seen_at desc, i.id desc limit 10",
						"select count(*) from (select * from item where first_seen_at >= :since and first_seen_at < :until offset 0) i join source s on s.id = i.source_id where i.published_at is not null and "
								+ where + " and i.first_seen_at >= :since and i.first_seen_at < :until")) {
					System.out.println("BENCH PLAN " + sql);
					jdbc.sql("explain (analyze, buffers) " + sql)
						.param("since", since.atOffset(java.time.ZoneOffset.UTC))
						.param("until", until.atOffset(java.time.ZoneOffset.UTC))
						.query(String.class)
						.list()
						.forEach((line) -> System.out.println("BENCH   " + line));
				}
			}
		}
		System.out.printf("BENCH per filter (%d filters): check %.1f ms, firstSeen %.1f ms, count %.1f ms%n",
				filters.size(), check / 1e6 / filters.size(), first / 1e6 / filters.size(),
				count / 1e6 / filters.size());
	}

}
