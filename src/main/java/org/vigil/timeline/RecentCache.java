package org.vigil.timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small in-memory cache of recent results with a time to live and a size bound, so the
 * same facet counts are not recomputed for every page view of a popular filter.
 */
final class RecentCache<V> {

	private final Clock clock;

	private final Duration ttl;

	private final Map<String, Cached<V>> entries;

	RecentCache(Clock clock, Duration ttl, int maxEntries) {
		this.clock = clock;
		this.ttl = ttl;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Cached<V>> eldest) {
				return size() > maxEntries;
			}

		};
	}

	private record Cached<V>(V value, Instant expires) {

	}

	V get(String key, Supplier<V> compute) {
		Instant now = this.clock.instant();
		synchronized (this.entries) {
			Cached<V> entry = this.entries.get(key);
			if (entry != null && entry.expires().isAfter(now)) {
				return entry.value();
			}
		}
		// Computed outside the lock: two requests may both compute, which is harmless.
		V value = compute.get();
		if (!this.ttl.isZero()) {
			synchronized (this.entries) {
				this.entries.put(key, new Cached<>(value, now.plus(this.ttl)));
			}
		}
		return value;
	}

}
