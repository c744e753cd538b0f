package org.vigil.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import org.vigil.items.CanonicalKeys;
import org.vigil.sources.Source;
import org.vigil.sources.SourceRepository;
import org.vigil.sources.SourceSettings;

/**
 * The item keys of every source's {@code canonical_key} rules together: a statement
 * reached through another source (an imported file, a feed that links to NATO) still gets
 * the key its own source gives it. Read again at most every few seconds, so that an
 * edited rule counts soon on every instance.
 */
@Component
class SourceKeyRules {

	private static final Duration FRESH = Duration.ofSeconds(10);

	private final SourceRepository sources;

	private final Clock clock;

	private volatile Loaded loaded;

	private record Loaded(CanonicalKeys keys, Instant at) {

	}

	SourceKeyRules(SourceRepository sources, Clock clock) {
		this.sources = sources;
		this.clock = clock;
	}

	CanonicalKeys keys() {
		Instant now = this.clock.instant();
		Loaded current = this.loaded;
		if (current == null || !current.at().plus(FRESH).isAfter(now) || current.at().isAfter(now)) {
			current = new Loaded(of(this.sources.findAll()), now);
			this.loaded = current;
		}
		return current.keys();
	}

	static CanonicalKeys of(List<Source> sources) {
		List<CanonicalKeys.Rule> rules = new ArrayList<>();
		for (Source source : sources) {
			for (SourceSettings.KeyRule rule : source.settings().canonicalKeys()) {
				rules.add(new CanonicalKeys.Rule(Pattern.compile(rule.match()), rule.key()));
			}
		}
		return new CanonicalKeys(rules);
	}

}
