package org.vigil.users;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.shared.Pools;
import org.vigil.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The account and invitation aggregates and their repositories against real PostgreSQL,
 * without the web: the rules each entity keeps, optimistic locking of edits, and the
 * one-time use of an invitation under concurrent submissions. Each test commits, as the
 * application does, so locks and versions are the database's.
 */
// The mapping is checked against the migrated schema here, not on every start of Vigil.
// The database is a copy of the migrated template (Java migrations included), so the
// slice, which has no Java migration beans, does not run Flyway itself.
@DataJpaTest(properties = { "spring.jpa.hibernate.ddl-auto=validate", "spring.flyway.enabled=false" })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ Accounts.class, Invitations.class, AccountsJpaTest.Clocks.class })
@EnableConfigurationProperties(UsersProperties.class)
class AccountsJpaTest {

	static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

	@TestConfiguration
	static class Clocks {

		@Bean
		MovableClock clock() {
			return new MovableClock(START);
		}

	}

	@Autowired
	Accounts accounts;

	@Autowired
	Invitations invitations;

	@Autowired
	AccountRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void removeAccounts() {
		this.jdbc.sql("delete from app_user").update();
	}

	@Test
	void anAddressIsKeptStrippedAndLowerCaseAndMustBeAnAddressNotUsedYet() {
		Account created = this.accounts.create("  Ola.Nowak@Example.ORG ", " Ola ", Role.ANALYST, null,
				"Europe/Warsaw");
		assertThat(created.email()).isEqualTo("ola.nowak@example.org");
		assertThat(created.displayName()).isEqualTo("Ola");
		assertThat(created.createdAt()).isEqualTo(START);
		assertThat(created.activated()).isFalse();
		assertThat(this.accounts.findByEmail("OLA.NOWAK@example.org")).map(Account::id).contains(created.id());
		assertThatThrownBy(() -> this.accounts.create("ola.nowak@EXAMPLE.org", null, Role.ADMIN, null, "UTC"))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("There is already an account for ola.nowak@example.org.");
		assertThatThrownBy(() -> this.accounts.create("ola at example", null, Role.ANALYST, null, "UTC"))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("\u201Cola at example\u201D is not an e-mail address.");
		assertThatThrownBy(() -> this.accounts.create("zone@example.org", null, Role.ANALYST, null, "Mars/Olympus"))
			.isInstanceOf(AccountProblem.class)
			.hasMessageContaining("is not a time zone");
		assertThat(this.jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theRoleIsStoredInTheColumnTheDatabaseChecksAndAdminsAreListedFirst() {
		this.accounts.create("zed@example.org", null, Role.ANALYST, "{noop}x", "UTC");
		long admin = this.accounts.create("boss@example.org", null, Role.ADMIN, "{noop}x", "UTC").id();
		this.accounts.create("amy@example.org", null, Role.ANALYST, "{noop}x", "UTC");
		assertThat(this.jdbc.sql("select role from app_user where id = ?").param(admin).query(String.class).single())
			.isEqualTo("admin");
		assertThat(this.accounts.anyAdmin()).isTrue();
		assertThat(this.accounts.list()).extracting(Account::email)
			.containsExactly("boss@example.org", "amy@example.org", "zed@example.org");
	}

	@Test
	void settingsVigilCannotUseAreRefusedAndChangeNothing() {
		long id = this.accounts.create("settings@example.org", null, Role.ANALYST, null, "UTC").id();
		assertThatThrownBy(() -> this.accounts.updateSettings(id, settings(Locale.forLanguageTag("xx"), 9), null))
			.isInstanceOf(AccountProblem.class)
			.hasMessageStartingWith("Those settings are not valid");
		assertThatThrownBy(() -> this.accounts.updateSettings(id, settings(Locale.ENGLISH, 24), null))
			.isInstanceOf(AccountProblem.class);
		assertThat(this.accounts.find(id).orElseThrow().timeZone()).isEqualTo(ZoneId.of("UTC"));
		this.accounts.updateSettings(id, settings(Locale.forLanguageTag("pl"), 9), null);
		Account saved = this.accounts.find(id).orElseThrow();
		assertThat(saved.timeZone()).isEqualTo(ZoneId.of("Europe/Warsaw"));
		assertThat(saved.digestHour()).isEqualTo(9);
		assertThat(saved.version()).isEqualTo(1);
	}

	@Test
	void anEditFromAPageThatShowedAnOlderVersionIsRefusedAndALoginIsNotAnEdit() {
		long id = this.accounts.create("contested@example.org", null, Role.ANALYST, "{noop}x", "UTC").id();
		this.accounts.create("boss@example.org", null, Role.ADMIN, "{noop}x", "UTC");
		long seen = this.accounts.find(id).orElseThrow().version();
		this.accounts.recordLogin(id, START.plusSeconds(60));
		this.accounts.setRole(id, Role.ADMIN, seen);
		assertThatThrownBy(() -> this.accounts.setEnabled(id, false, seen)).isInstanceOf(AccountProblem.class)
			.hasMessage("The account contested@example.org was changed by someone else after this page was opened;"
					+ " reload the page to see the change and try again.");
		Account now = this.accounts.find(id).orElseThrow();
		assertThat(now.isAdmin()).isTrue();
		assertThat(now.enabled()).isTrue();
		assertThat(now.lastLoginAt()).isEqualTo(START.plusSeconds(60));
	}

	@Test
	void twoEditsOfOneAccountCommittingAtOnceCannotBothWin() {
		long id = this.accounts.create("race@example.org", null, Role.ANALYST, "{noop}x", "UTC").id();
		TransactionTemplate first = new TransactionTemplate(this.transactions);
		TransactionTemplate second = new TransactionTemplate(this.transactions);
		second.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		assertThatThrownBy(() -> first.executeWithoutResult((status) -> {
			UserAccount mine = this.repository.findById(id).orElseThrow();
			// Another admin loads the same version, changes it and commits first.
			second.executeWithoutResult((inner) -> this.repository.findById(id).orElseThrow().changeRole(Role.ADMIN));
			mine.changeEnabled(false);
			this.repository.saveAndFlush(mine);
		})).isInstanceOf(OptimisticLockingFailureException.class);
		Account after = this.accounts.find(id).orElseThrow();
		assertThat(after.isAdmin()).isTrue();
		assertThat(after.enabled()).isTrue();
	}

	@Test
	void theLastEnabledAdminCannotBeDemotedOrDisabled() {
		long only = this.accounts.create("only@example.org", null, Role.ADMIN, "{noop}x", "UTC").id();
		assertThatThrownBy(() -> this.accounts.setRole(only, Role.ANALYST, null))
			.hasMessage("That is the last admin; make another admin first.");
		assertThatThrownBy(() -> this.accounts.setEnabled(only, false, null))
			.hasMessage("That is the last admin; make another admin first.");
		this.accounts.create("second@example.org", null, Role.ADMIN, "{noop}x", "UTC");
		this.accounts.setEnabled(only, false, null);
		assertThat(this.accounts.find(only).orElseThrow().enabled()).isFalse();
	}

	@Test
	void anInvitationOpensItsAccountOnceUntilItExpiresAndANewOneReplacesTheOld() {
		long id = this.accounts.create("invited@example.org", null, Role.ANALYST, null, "UTC").id();
		Invitations.Issued replaced = this.invitations.issue(id, null);
		Invitations.Issued issued = this.invitations.issue(id, null);
		assertThat(issued.expiresAt()).isEqualTo(START.plus(Duration.ofDays(7)));
		assertThat(this.invitations.invitee(replaced.token())).isEmpty();
		assertThat(this.invitations.invitee(issued.token())).contains(id);
		assertThat(this.invitations.accept(issued.token(), "{noop}chosen")).contains(id);
		assertThat(this.accounts.credentials("invited@example.org").orElseThrow().passwordHash())
			.isEqualTo("{noop}chosen");
		assertThat(this.invitations.accept(issued.token(), "{noop}again")).isEmpty();
		assertThat(this.invitations.invitee(issued.token())).isEmpty();
		Invitations.Issued late = this.invitations.issue(id, null);
		this.clock.advance(Duration.ofDays(7));
		assertThat(this.invitations.invitee(late.token())).isEmpty();
		assertThat(this.invitations.accept(late.token(), "{noop}late")).isEmpty();
		assertThat(this.accounts.credentials("invited@example.org").orElseThrow().passwordHash())
			.isEqualTo("{noop}chosen");
	}

	@Test
	void ofEightSimultaneousSubmissionsOfOneInvitationExactlyOneSetsThePassword() throws Exception {
		long id = this.accounts.create("rush@example.org", null, Role.ANALYST, null, "UTC").id();
		String token = this.invitations.issue(id, null).token();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Optional<Long>>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String hash = "{noop}attempt-" + i;
				results.add(pool.submit(() -> {
					go.await();
					return this.invitations.accept(token, hash);
				}));
			}
			go.countDown();
			int accepted = 0;
			for (Future<Optional<Long>> result : results) {
				accepted += result.get(60, TimeUnit.SECONDS).isPresent() ? 1 : 0;
			}
			assertThat(accepted).isEqualTo(1);
		}
		finally {
			Pools.close(pool);
		}
		assertThat(this.jdbc.sql("select count(*) from user_invitation where used_at is not null")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static Accounts.Settings settings(Locale locale, int hour) {
		return new Accounts.Settings("Ola", ZoneId.of("Europe/Warsaw"), locale, true, DayOfWeek.WEDNESDAY, hour);
	}

}
