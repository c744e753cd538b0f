package org.vigil.digest;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly digest against a real SMTP server (GreenMail): content, time zones,
 * exactly-once across a crash and a second instance, unsubscribe, the preview, SMTP
 * failures and the admin page. Time comes from a clock the tests move.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "vigil.site.base-url=https://vigil.example.org", "vigil.digest.max-attempts=3",
				"vigil.digest.retry-backoff=5m", "vigil.digest.batch-size=7" })
class DigestTest {

	/** Monday 3 August 2026, 07:00 in Warsaw. */
	static final Instant MONDAY_7_WARSAW = Instant.parse("2026-08-03T05:00:00Z");

	static final int SMTP_PORT = DigestFixture.freePort();

	static GreenMail smtp = DigestFixture.smtpServer(SMTP_PORT);

	static final MutableClock clock = new MutableClock(MONDAY_7_WARSAW);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@TestConfiguration
	static class TestClock {

		@Bean
		@Primary
		Clock testClock() {
			return clock;
		}

	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	DigestService digests;

	@Autowired
	DigestStore store;

	@Autowired
	DigestContentQueries content;

	@Autowired
	DigestComposer composer;

	@Autowired
	DigestMail mail;

	@Autowired
	DigestProperties properties;

	@Autowired
	ObjectProvider<JavaMailSender> senders;

	DigestFixture fixture;

	long source;

	long poland;

	long drones;

	@BeforeEach
	void clean() throws Exception {
		if (!smtp.isRunning()) {
			smtp = DigestFixture.smtpServer(SMTP_PORT);
		}
		smtp.purgeEmailFromAllMailboxes();
		this.fixture = new DigestFixture(this.jdbc);
		this.fixture.clear();
		clock.set(MONDAY_7_WARSAW);
		this.source = this.fixture.source("mon-pl", "Ministry of National Defence");
		this.poland = this.fixture.entity("country", "PL", "Poland");
		this.drones = this.fixture.entity("programme", "drone-wall", "Drone Wall");
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void aUserWithTwoSavedSearchesGetsOneMailWithBothPartsTheirItemsAndTheUnsubscribeHeaders() throws Exception {
		long anna = this.fixture.user("anna@example.org", "Europe/Warsaw", "fr", 1, 7);
		this.fixture.search(anna, "Poland", "country=PL");
		this.fixture.search(anna, "Drone wall", "programme=drone-wall");
		List<Long> polandItems = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			polandItems.add(this.fixture.item(this.source, "Polish item #%02d".formatted(i),
					Instant.parse("2026-07-28T10:00:00Z").plus(Duration.ofHours(i)), this.poland));
		}
		long drone = this.fixture.item(this.source, "Drone wall contract signed", Instant.parse("2026-07-31T08:30:00Z"),
				this.drones, this.poland);
		long old = this.fixture.item(this.source, "Old Polish item", Instant.parse("2026-07-20T10:00:00Z"),
				this.poland);
		long future = this.fixture.item(this.source, "Polish item after the digest hour",
				Instant.parse("2026-08-03T05:30:00Z"), this.poland);

		clock.set(MONDAY_7_WARSAW.minusSeconds(60));
		assertThat(this.digests.run("schedule", null)).isEqualTo(DigestService.Outcome.NOTHING);
		clock.set(MONDAY_7_WARSAW);
		DigestService.Outcome outcome = this.digests.run("schedule", null);
		assertThat(outcome.sent()).isEqualTo(1);

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage message = received[0];
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo("anna@example.org");
		// 13 distinct items: the drone wall item matches both searches and counts once
		assertThat(message.getSubject()).startsWith("Vigil weekly digest: 13 new items");
		String unsubscribe = message.getHeader("List-Unsubscribe")[0];
		assertThat(unsubscribe).matches("<https://vigil\\.example\\.org/unsubscribe/" + anna + "\\.[A-Za-z0-9_-]+>");
		assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String text = part(message, "text/plain");
		String html = part(message, "text/html");

		for (String body : List.of(text, html)) {
			assertThat(body).contains("Drone wall contract signed")
				.contains("https://vigil.example.org/items/" + drone)
				.contains("https://vigil.example.org/items/" + polandItems.get(11))
				// the top ten of thirteen, newest first: the three oldest are "3 more"
				.contains("Polish item #03")
				.doesNotContain("Polish item #02")
				.doesNotContain("Old Polish item")
				.doesNotContain("after the digest hour")
				.contains("https://vigil.example.org/?country=PL")
				.contains("https://vigil.example.org/settings")
				.contains("https://vigil.example.org/unsubscribe/")
				.contains("Ministry of National Defence")
				// dates in the user's language and zone: 10:30 Warsaw for 08:30 UTC
				.contains("31 juil. 2026")
				.contains("10:30");
		}
		assertThat(text).contains("and 3 more: https://vigil.example.org/?country=PL")
			.contains("Poland: 13 new")
			.contains("Drone wall: 1 new")
			.contains("*Drone Wall*")
			.contains("Most mentioned this week: Poland (13), Drone Wall (1)");
		assertThat(html).contains("and 3 more on the timeline")
			.contains("href=\"https://vigil.example.org/entities/country/PL\"")
			.contains("Vigil saw 13 new items in your saved searches this week:")
			.doesNotContain("<img")
			.doesNotContain("<link");
		assertThat(this.jdbc
			.sql("select status || ' ' || searches || ' ' || items || ' ' || (message_id is not null)"
					+ " from digest_delivery where user_id = :id")
			.param("id", anna)
			.query(String.class)
			.single()).isEqualTo("sent 2 11 true");
		assertThat(old).isPositive();
		assertThat(future).isPositive();

		// the same week again, later: nothing more
		clock.set(MONDAY_7_WARSAW.plus(Duration.ofHours(5)));
		assertThat(this.digests.run("schedule", null).runId()).isNull();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void usersInAucklandAndNewYorkAreDueAtTheirOwnMondaySeven() {
		long kiwi = this.fixture.user("kiwi@example.org", "Pacific/Auckland", "en", 1, 7);
		long yank = this.fixture.user("yank@example.org", "America/New_York", "en", 1, 7);
		this.fixture.search(kiwi, "Everything", "");
		this.fixture.search(yank, "Poland", "country=PL");
		this.fixture.item(this.source, "Statement on Poland", Instant.parse("2026-07-30T12:00:00Z"), this.poland);
		// Monday 07:00 in Auckland (UTC+12 in August) is Sunday 19:00 UTC; in New York
		// (UTC-4) Monday 11:00 UTC.
		clock.set(Instant.parse("2026-08-02T18:59:00Z"));
		this.digests.run("schedule", null);
		assertThat(recipients()).isEmpty();
		clock.set(Instant.parse("2026-08-02T19:00:00Z"));
		this.digests.run("schedule", null);
		assertThat(recipients()).containsExactly("kiwi@example.org");
		clock.set(Instant.parse("2026-08-03T10:59:00Z"));
		this.digests.run("schedule", null);
		assertThat(recipients()).containsExactly("kiwi@example.org");
		clock.set(Instant.parse("2026-08-03T11:00:00Z"));
		this.digests.run("schedule", null);
		assertThat(recipients()).containsExactly("kiwi@example.org", "yank@example.org");
		assertThat(this.jdbc
			.sql("select week || ' ' || to_char(period_end at time zone 'UTC', 'YYYY-MM-DD HH24:MI')"
					+ " from digest_delivery order by period_end")
			.query(String.class)
			.list()).containsExactly("2026-08-03 2026-08-02 19:00", "2026-08-03 2026-08-03 11:00");
	}

	@Test
	void noMailForAUserWhoseSearchesHaveNothingNewNorForOneWithoutSearchesAndAnUnknownZoneIsUtc() {
		long quiet = this.fixture.user("quiet@example.org", "UTC", "en", 1, 5);
		// a zone PostgreSQL does not know counts as UTC instead of failing the run
		long odd = this.fixture.user("odd@example.org", "Not/AZone", "en", 1, 5);
		this.fixture.search(odd, "Poland", "country=PL");
		this.fixture.search(quiet, "Ukraine", "country=UA");
		long none = this.fixture.user("none@example.org", "UTC", "en", 1, 5);
		this.fixture.item(this.source, "Statement on Poland", Instant.parse("2026-07-30T12:00:00Z"), this.poland);
		DigestService.Outcome outcome = this.digests.run("schedule", null);
		assertThat(outcome.skipped()).isEqualTo(1);
		assertThat(outcome.sent()).isEqualTo(1);
		assertThat(recipients()).containsExactly("odd@example.org");
		assertThat(this.fixture.status(quiet)).isEqualTo("skipped");
		assertThat(this.fixture.status(none)).isNull();
	}

	@Test
	void aRestartFinishesARowLeftSendingByADeadInstanceAndNeverResendsASentOne() {
		long left = this.fixture.user("left@example.org", "UTC", "en", 1, 5);
		long done = this.fixture.user("done@example.org", "UTC", "en", 1, 5);
		long busy = this.fixture.user("busy@example.org", "UTC", "en", 1, 5);
		for (long user : new long[] { left, done, busy }) {
			this.fixture.search(user, "Poland", "country=PL");
		}
		this.fixture.item(this.source, "Statement on Poland", Instant.parse("2026-07-30T12:00:00Z"), this.poland);
		// The state a crash leaves: 'left' was claimed by an instance that died a while
		// ago, 'done' was sent before the crash, 'busy' is claimed by a live instance.
		this.jdbc
			.sql("""
					insert into digest_delivery (user_id, week, status, period_start, period_end, attempts, claimed_by,
					  claimed_until, sent_at)
					values (:left, '2026-08-03', 'sending', '2026-07-27 05:00Z', '2026-08-03 05:00Z', 1, 'dead:1', :expired, null),
					       (:done, '2026-08-03', 'sent', '2026-07-27 05:00Z', '2026-08-03 05:00Z', 1, 'dead:1', null, '2026-08-03 05:00Z'),
					       (:busy, '2026-08-03', 'sending', '2026-07-27 05:00Z', '2026-08-03 05:00Z', 1, 'alive:2', :valid, null)
					""")
			.param("left", left)
			.param("done", done)
			.param("busy", busy)
			.param("expired", MONDAY_7_WARSAW.minusSeconds(60).atOffset(ZoneOffset.UTC))
			.param("valid", MONDAY_7_WARSAW.plusSeconds(300).atOffset(ZoneOffset.UTC))
			.update();
		DigestService.Outcome outcome = this.digests.run("schedule", null);
		assertThat(outcome.sent()).isEqualTo(1);
		assertThat(recipients()).containsExactly("left@example.org");
		assertThat(this.fixture.status(left)).isEqualTo("sent");
		assertThat(this.fixture.status(done)).isEqualTo("sent");
		assertThat(this.fixture.status(busy)).isEqualTo("sending");
		// once the live instance's claim runs out too, it is finished here
		clock.set(MONDAY_7_WARSAW.plusSeconds(301));
		this.digests.run("schedule", null);
		assertThat(recipients()).containsExactly("busy@example.org", "left@example.org");
		this.digests.run("schedule", null);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	@Test
	void twoInstancesRunningAtOnceSendEachUserOneMail() throws Exception {
		int users = 40;
		for (int i = 0; i < users; i++) {
			long user = this.fixture.user("user" + i + "@example.org", "UTC", "en", 1, 5);
			this.fixture.search(user, "Poland", "country=PL");
		}
		this.fixture.item(this.source, "Statement on Poland", Instant.parse("2026-07-30T12:00:00Z"), this.poland);
		DigestService other = new DigestService(this.store, this.content, this.composer, this.mail, this.senders,
				this.properties, clock, "second-instance");
		CyclicBarrier start = new CyclicBarrier(2);
		CompletableFuture<DigestService.Outcome> first = CompletableFuture.supplyAsync(() -> {
			await(start);
			return this.digests.run("schedule", null);
		});
		CompletableFuture<DigestService.Outcome> second = CompletableFuture.supplyAsync(() -> {
			await(start);
			return other.run("schedule", null);
		});
		int sent = first.get().sent() + second.get().sent();
		assertThat(sent).isEqualTo(users);
		List<String> to = recipients();
		assertThat(to).hasSize(users).doesNotHaveDuplicates();
		assertThat(
				this.jdbc.sql("select count(*) from digest_delivery where status = 'sent'").query(Long.class).single())
			.isEqualTo(users);
	}

	@Test
	void theUnsubscribeLinkAsksOnGetAndTurnsTheDigestOffOnTheOneClickPost() throws Exception {
		long anna = this.fixture.user("anna@example.org", "Europe/Warsaw", "en", 1, 7);
		this.fixture.search(anna, "Poland", "country=PL");
		this.fixture.item(this.source, "Statement on Poland", Instant.parse("2026-07-30T12:00:00Z"), this.poland);
		this.digests.run("schedule", null);
		String header = smtp.getReceivedMessages()[0].getHeader("List-Unsubscribe")[0];
		String path = URI.create(header.substring(1, header.length() - 1)).getPath();

		WebSession anonymous = new WebSession(this.port);
		HttpResponse<String> page = anonymous.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("anna@example.org").contains("<button type=\"submit\">Unsubscribe</button>");
		assertThat(digestEnabled(anna)).isTrue();
		// what a mail client sends for RFC 8058 one-click: no session, no CSRF token
		HttpResponse<String> posted = anonymous.postFormWithoutToken(path, Map.of("List-Unsubscribe", "One-Click"));
		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(posted.body()).contains("You are unsubscribed");
		assertThat(digestEnabled(anna)).isFalse();

		// a forged token changes nothing
		long bob = this.fixture.user("bob@example.org", "UTC", "en", 1, 7);
		String forged = "/unsubscribe/" + bob + path.substring(path.indexOf('.'));
		assertThat(anonymous.get(forged).statusCode()).isEqualTo(404);
		assertThat(anonymous.postFormWithoutToken(forged, Map.of()).statusCode()).isEqualTo(404);
		assertThat(digestEnabled(bob)).isTrue();

		// unsubscribed: next week brings no digest
		clock.set(MONDAY_7_WARSAW.plus(Duration.ofDays(7)));
		this.fixture.item(this.source, "Another statement", MONDAY_7_WARSAW.plus(Duration.ofDays(2)), this.poland);
		this.digests.run("schedule", null);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void thePreviewIsSentAtOnceWithoutTouchingTheWeeklyRecord() throws Exception {
		long anna = this.fixture.user("anna@example.org", "Europe/Warsaw", "en", 3, 7);
		this.fixture.search(anna, "Poland", "country=PL");
		this.fixture.item(this.source, "Statement on Poland", Instant.parse("2026-07-30T12:00:00Z"), this.poland);
		WebSession session = new WebSession(this.port).login("anna@example.org", TestUsers.PASSWORD);
		HttpResponse<String> response = session.postForm("/digest/preview", Map.of());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/settings");
		assertThat(session.page("/settings")).contains("A preview of your digest was sent to anna@example.org");
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).startsWith("[Preview] Vigil weekly digest: 1 new item");
		assertThat(part(received[0], "text/plain")).contains("Statement on Poland");
		assertThat(this.jdbc.sql("select count(*) from digest_delivery").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from digest_run").query(Long.class).single()).isZero();
		// the preview needs the CSRF token like every form
		assertThat(session.postFormWithoutToken("/digest/preview", Map.of()).statusCode()).isEqualTo(403);
		// the real digest is still due on Wednesday
		clock.set(Instant.parse("2026-08-05T05:00:00Z"));
		assertThat(this.digests.run("schedule", null).sent()).isEqualTo(1);
	}

	@Test
	void smtpFailuresAreRetriedWithBackOffOneBadAddressDoesNotStopTheOthersAndAdminsSeeIt() throws Exception {
		long good = this.fixture.user("good@example.org", "UTC", "en", 1, 5);
		long bad = this.fixture.user("not an address@example.org", "UTC", "en", 1, 5);
		long later = this.fixture.user("later@example.org", "UTC", "en", 1, 5);
		for (long user : new long[] { good, bad, later }) {
			this.fixture.search(user, "Poland", "country=PL");
		}
		this.fixture.item(this.source, "Statement on Poland", Instant.parse("2026-07-30T12:00:00Z"), this.poland);
		TestUsers.admin(this.jdbcTemplate, "admin@example.org");
		this.jdbc.sql("update app_user set digest_hour = 23 where id = :id").param("id", later).update();

		// The malformed address fails at once; the good one goes out in the same run.
		DigestService.Outcome outcome = this.digests.run("schedule", null);
		assertThat(outcome.sent()).isEqualTo(1);
		assertThat(outcome.failed()).isEqualTo(1);
		assertThat(recipients()).containsExactly("good@example.org");
		assertThat(this.fixture.status(bad)).isEqualTo("failed");

		// SMTP down: the delivery waits 5, then 10 minutes, then fails for good (3
		// attempts)
		smtp.stop();
		clock.set(Instant.parse("2026-08-03T23:00:00Z"));
		outcome = this.digests.run("schedule", null);
		assertThat(outcome.retrying()).isEqualTo(1);
		assertThat(this.fixture.status(later)).isEqualTo("pending");
		assertThat(this.jdbc
			.sql("select attempts || ' ' || to_char(next_attempt_at at time zone 'UTC', 'HH24:MI')"
					+ " from digest_delivery where user_id = :id")
			.param("id", later)
			.query(String.class)
			.single()).isEqualTo("1 23:05");
		assertThat(this.digests.run("schedule", null).runId()).as("not before the back-off").isNull();

		WebSession admin = new WebSession(this.port).login("admin@example.org", TestUsers.PASSWORD);
		String page = admin.page("/admin/digest");
		assertThat(page).contains("data-email=\"later@example.org\" data-status=\"pending\"")
			.contains("data-email=\"not an address@example.org\" data-status=\"failed\"")
			.contains("Invalid address")
			.contains("Connection refused");
		assertThat(new WebSession(this.port).login("good@example.org", TestUsers.PASSWORD)
			.get("/admin/digest")
			.statusCode()).isEqualTo(403);

		clock.set(Instant.parse("2026-08-03T23:05:00Z"));
		this.digests.run("schedule", null);
		assertThat(this.jdbc
			.sql("select attempts || ' ' || to_char(next_attempt_at at time zone 'UTC', 'HH24:MI')"
					+ " from digest_delivery where user_id = :id")
			.param("id", later)
			.query(String.class)
			.single()).isEqualTo("2 23:15");
		// back up before the third attempt: sent
		smtp = DigestFixture.smtpServer(SMTP_PORT);
		clock.set(Instant.parse("2026-08-03T23:15:00Z"));
		outcome = this.digests.run("schedule", null);
		assertThat(outcome.sent()).isEqualTo(1);
		assertThat(recipients()).containsExactly("later@example.org");
		assertThat(admin.page("/admin/digest")).doesNotContain("data-email=\"later@example.org\"")
			.contains("<td class=\"sent\">1</td>")
			.contains("<td class=\"failed\">1</td>");
	}

	@Test
	void aDeliveryFailsForGoodAfterTheLastAttempt() {
		long user = this.fixture.user("unlucky@example.org", "UTC", "en", 1, 5);
		this.fixture.search(user, "Poland", "country=PL");
		this.fixture.item(this.source, "Statement on Poland", Instant.parse("2026-07-30T12:00:00Z"), this.poland);
		smtp.stop();
		this.digests.run("schedule", null);
		clock.set(MONDAY_7_WARSAW.plus(Duration.ofMinutes(5)));
		this.digests.run("schedule", null);
		clock.set(MONDAY_7_WARSAW.plus(Duration.ofMinutes(15)));
		DigestService.Outcome outcome = this.digests.run("schedule", null);
		assertThat(outcome.failed()).isEqualTo(1);
		assertThat(this.fixture.status(user)).isEqualTo("failed");
		smtp = DigestFixture.smtpServer(SMTP_PORT);
		clock.set(MONDAY_7_WARSAW.plus(Duration.ofHours(2)));
		assertThat(this.digests.run("schedule", null).runId()).isNull();
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	private boolean digestEnabled(long id) {
		return this.jdbc.sql("select digest_enabled from app_user where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	private static List<String> recipients() {
		List<String> to = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			try {
				to.add(message.getAllRecipients()[0].toString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return to.stream().sorted().toList();
	}

	/** The decoded text of the first part of the given type. */
	static String part(MimeMessage message, String type) throws Exception {
		String found = find(message.getContent(), type);
		assertThat(found).as(type + " part").isNotNull();
		return found;
	}

	private static String find(Object content, String type) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType(type)) {
					return (String) part.getContent();
				}
				String nested = find(part.getContent(), type);
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A clock the tests set. */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
