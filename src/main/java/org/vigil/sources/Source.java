package org.vigil.sources;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A source with its crawl status.
 *
 * @param id database id
 * @param declaration what it is and how to read it
 * @param nextCheckAt when it is due
 * @param lastAttemptAt last crawl attempt, or null
 * @param lastSuccessAt last successful crawl, or null
 * @param consecutiveFailures failed crawls since the last success
 * @param lastError what went wrong last, or null
 */
public record Source(long id, SourceDeclaration declaration, Instant nextCheckAt, Instant lastAttemptAt,
		Instant lastSuccessAt, int consecutiveFailures, String lastError) {

	public String key() {
		return this.declaration.key();
	}

	public String name() {
		return this.declaration.name();
	}

	public String kind() {
		return this.declaration.kind();
	}

	public List<String> urls() {
		return this.declaration.urls();
	}

	public Selectors selectors() {
		return this.declaration.selectors();
	}

	public String language() {
		return this.declaration.language();
	}

	public boolean enabled() {
		return this.declaration.enabled();
	}

	/** A text setting, or null. */
	public String setting(String name) {
		Object value = this.declaration.settings().get(name);
		return (value != null) ? String.valueOf(value) : null;
	}

	public boolean flag(String name) {
		return Boolean.parseBoolean(setting(name));
	}

	public Map<String, Object> settings() {
		return this.declaration.settings();
	}

	/** The zone in which its pages print local dates and times. */
	public ZoneId zone() {
		String zone = setting("zone");
		try {
			return (zone != null) ? ZoneId.of(zone) : ZoneOffset.UTC;
		}
		catch (RuntimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
