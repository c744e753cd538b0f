package org.vigil.timeline;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the timeline pages.
 *
 * @param pageSize items per timeline page
 * @param facetCap how many of the newest matching items facet counts are computed over,
 * so a broad filter never counts the whole table
 * @param maxQueryLength longest full-text query accepted, in characters
 * @param zone the time zone day headings and times are shown in
 * @param facetCacheTtl how long facet counts for one filter are reused; counts lag new
 * items by at most this much
 */
@ConfigurationProperties("vigil.timeline")
record TimelineProperties(@DefaultValue("30") int pageSize, @DefaultValue("1000") int facetCap,
		@DefaultValue("200") int maxQueryLength, @DefaultValue("UTC") ZoneId zone,
		@DefaultValue("60s") java.time.Duration facetCacheTtl) {

	TimelineProperties {
		if (pageSize < 1 || pageSize > 200) {
			throw new IllegalArgumentException("vigil.timeline.page-size must be between 1 and 200");
		}
		if (facetCap < 10) {
			throw new IllegalArgumentException("vigil.timeline.facet-cap must be at least 10");
		}
	}

}
