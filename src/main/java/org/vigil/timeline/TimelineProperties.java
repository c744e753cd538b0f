package org.vigil.timeline;

import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;

/**
 * Settings of the timeline pages.
 *
 * @param pageSize items per timeline page
 * @param facetCap how many of the newest matching items facet counts are computed over,
 * so a broad filter never counts the whole table
 * @param maxQueryLength longest full-text query accepted, in characters
 * @param zone the time zone of dates when no user's zone is known (commands, the digest's
 * filters); pages use the signed-in user's zone, or {@code vigil.users.default-time-zone}
 * for visitors
 * @param facetCacheTtl how long facet counts for one filter are reused; counts lag new
 * items by at most this much
 * @param countCap the timeline counts matches exactly up to this many and says "more
 * than" beyond, so the total costs at most this many index entries however broad the
 * filter
 * @param bestMatchCap how many of the newest matches a "Best match" page ranks; beyond, a
 * query is too broad for relevance to be cheap, and the page says so
 */
@ConfigurationProperties("vigil.timeline")
record TimelineProperties(@DefaultValue("30") int pageSize, @DefaultValue("1000") int facetCap,
		@DefaultValue("200") int maxQueryLength, @DefaultValue("UTC") ZoneId zone,
		@DefaultValue("60s") java.time.Duration facetCacheTtl, @DefaultValue("1000") int countCap,
		@DefaultValue("1000") int bestMatchCap) {

	TimelineProperties {
		if (pageSize < 1 || pageSize > 200) {
			throw new IllegalArgumentException("vigil.timeline.page-size must be between 1 and 200");
		}
		if (facetCap < 10) {
			throw new IllegalArgumentException("vigil.timeline.facet-cap must be at least 10");
		}
		if (countCap < 1 || bestMatchCap < 1) {
			throw new IllegalArgumentException("vigil.timeline.count-cap and best-match-cap must be positive");
		}
	}

	/**
	 * The zone dates are shown and read in: the one Spring's locale context holds for
	 * this request (the user's, from the session), else {@link #zone()}.
	 */
	ZoneId viewerZone() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		TimeZone timeZone = (context instanceof TimeZoneAwareLocaleContext zoned) ? zoned.getTimeZone() : null;
		return (timeZone != null) ? timeZone.toZoneId() : this.zone;
	}

	/** The language of day and month names: the user's, else English. */
	static Locale viewerLocale() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = (context != null) ? context.getLocale() : null;
		return (locale != null) ? locale : Locale.ENGLISH;
	}

}
