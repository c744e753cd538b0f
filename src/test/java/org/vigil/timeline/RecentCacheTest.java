package org.vigil.timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCacheTest {

	@Test
	void reusesAValueUntilItExpiresAndKeepsOnlyTheNewestEntries() {
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		AtomicInteger computed = new AtomicInteger();
		RecentCache<Integer> cache = new RecentCache<>(Clock.fixed(start, ZoneOffset.UTC), Duration.ofSeconds(60), 2);
		assertThat(cache.get("a", computed::incrementAndGet)).isEqualTo(1);
		assertThat(cache.get("a", computed::incrementAndGet)).isEqualTo(1);
		cache.get("b", computed::incrementAndGet);
		cache.get("c", computed::incrementAndGet);
		assertThat(cache.get("a", computed::incrementAndGet)).isEqualTo(4);
		RecentCache<Integer> later = new RecentCache<>(Clock.offset(Clock.fixed(start, ZoneOffset.UTC), Duration.ZERO),
				Duration.ZERO, 2);
		later.get("a", computed::incrementAndGet);
		assertThat(later.get("a", computed::incrementAndGet)).isEqualTo(6);
	}

}
