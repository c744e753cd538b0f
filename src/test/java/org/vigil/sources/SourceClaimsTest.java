package org.vigil.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crawl holds its source by a lease its instance renews: a source claimed by an
 * instance that died is claimed again once the lease runs out (minutes, not an hour), a
 * renewed lease keeps it held, and a crawl that lost its claim can no longer write to the
 * source. Time is passed in, as the services pass their injected clock's instant.
 */
// The same context as SourcesAdminControllerTest and SourceEditConflictTest (properties
// and MockMvc), so one cached context serves them all.
@SpringBootTest(properties = { "vigil.ingest.politeness-delay=0s", "vigil.ingest.allow-private-addresses=false" })
@AutoConfigureMockMvc
class SourceClaimsTest {

	static final Instant T0 = Instant.parse("2026-07-07T10:00:00Z");

	static final Duration LEASE = Duration.ofMinutes(2);

	@Autowired
	SourceCrawlStore sources;

	@Autowired
	SourceEditor editor;

	@Autowired
	JdbcTemplate jdbc;

	long id;

	@BeforeEach
	void dueSource() {
		this.id = this.editor
			.put(new SourceDeclaration("lease-test", "Lease test", "feed", true, null, "en",
					List.of("https://lease.example/feed.xml"), Selectors.NONE, SourceSettings.NONE, 30, true))
			.id();
		this.jdbc.update(
				"update source set next_check_at = ?, crawl_claim = null, crawl_owner = null, "
						+ "crawl_lease_until = null, consecutive_failures = 0, last_error = null where id = ?",
				java.sql.Timestamp.from(T0.minusSeconds(60)), this.id);
	}

	@Test
	void aSourceClaimedByAnInstanceThatDiedIsClaimedAgainOnceItsLeaseRunsOut() {
		SourceClaim dead = claimDue(T0, "1@dead").orElseThrow();
		assertThat(dead.leaseUntil()).isEqualTo(T0.plus(LEASE));

		// It never renews. While the lease lasts nobody else gets the source ...
		assertThat(claimDue(T0.plusSeconds(60), "2@live")).isEmpty();
		assertThat(this.sources.claim(this.id, T0.plus(LEASE).minusSeconds(1), LEASE, "2@live")).isEmpty();
		assertThat(this.sources.crawlState(this.id).running(T0.plusSeconds(60))).isTrue();
		assertThat(this.sources.crawlState(this.id).abandoned(T0.plus(LEASE))).isTrue();

		// ... and once it has run out, the next scheduler round takes it up.
		SourceClaim live = claimDue(T0.plus(LEASE).plusSeconds(1), "2@live").orElseThrow();
		assertThat(live.token()).isNotEqualTo(dead.token());
		assertThat(this.sources.crawlState(this.id).owner()).isEqualTo("2@live");

		// Were the dead instance to wake up, its writes would no longer count.
		assertThat(this.sources.renew(dead.token(), T0.plus(LEASE).plusSeconds(2), LEASE, "late")).isFalse();
		assertThat(this.sources.recordFailure(dead.token(), T0.plus(LEASE).plusSeconds(2), "late failure")).isFalse();
		assertThat(this.jdbc.queryForObject("select consecutive_failures from source where id = ?", Integer.class,
				this.id))
			.isZero();
		assertThat(this.sources.recordSuccess(live.token(), T0.plus(LEASE).plusSeconds(30), "3 fetched", null))
			.isTrue();
		assertThat(this.sources.crawlState(this.id).lastOutcome()).isEqualTo("3 fetched");
		assertThat(this.sources.crawlState(this.id).running(T0.plus(LEASE).plusSeconds(31))).isFalse();
	}

	@Test
	void aRenewedLeaseKeepsTheSourceHeldForAsLongAsItsCrawlLives() {
		SourceClaim claim = claimDue(T0, "1@live").orElseThrow();
		Instant now = T0;
		for (int renewal = 1; renewal <= 10; renewal++) {
			now = T0.plusSeconds(90L * renewal);
			assertThat(this.sources.renew(claim.token(), now, LEASE, renewal + " fetched")).isTrue();
			assertThat(claimDue(now.plusSeconds(60), "2@other")).isEmpty();
			assertThat(this.sources.claim(this.id, now.plusSeconds(60), LEASE, "2@other")).isEmpty();
		}
		assertThat(this.sources.crawlState(this.id).progress()).isEqualTo("10 fetched");
		assertThat(claimDue(now.plus(LEASE), "2@other")).isPresent();
	}

	@Test
	void anOperatorsCrawlTakesTheSourceOverAndTheFormerHolderCanNoLongerWriteToIt() {
		SourceClaim scheduled = claimDue(T0, "1@scheduler").orElseThrow();
		SourceClaim operator = this.sources.takeOver(this.id, T0.plusSeconds(5), LEASE, "2@cli").orElseThrow();
		assertThat(this.sources.renew(scheduled.token(), T0.plusSeconds(10), LEASE, null)).isFalse();
		assertThat(this.sources.recordSuccess(scheduled.token(), T0.plusSeconds(10), "stale", null)).isFalse();
		assertThat(this.sources.recordFailure(operator.token(), T0.plusSeconds(20), "HTTP 404 Not Found for x"))
			.isTrue();
		assertThat(this.jdbc.queryForMap(
				"select consecutive_failures, last_error, last_outcome, crawl_claim is null as released from source where id = ?",
				this.id))
			.containsEntry("consecutive_failures", 1)
			.containsEntry("last_error", "HTTP 404 Not Found for x")
			.containsEntry("last_outcome", "failed: HTTP 404 Not Found for x")
			.containsEntry("released", true);
	}

	@Test
	void aReleasedSourceStaysDueAndIsClaimedAgainAtOnce() {
		SourceClaim stopping = claimDue(T0, "1@stopping").orElseThrow();
		assertThat(this.sources.release(stopping.token())).isTrue();
		assertThat(claimDue(T0.plusSeconds(1), "2@other")).isPresent();
	}

	private Optional<SourceClaim> claimDue(Instant now, String owner) {
		return this.sources.claimDue(now, 50, LEASE, owner)
			.stream()
			.filter((claim) -> claim.source().id() == this.id)
			.findFirst();
	}

}
