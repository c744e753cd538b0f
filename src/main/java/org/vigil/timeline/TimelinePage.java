package org.vigil.timeline;

import java.util.List;

/**
 * Everything the timeline template shows. The records are public so that the template's
 * expressions compile to bytecode (SpEL compiles only calls on public types).
 *
 * @param filter the filter in force
 * @param problems sentences about parameters that were ignored
 * @param days the page's items under their day headings
 * @param olderUrl link to the next older page, or null
 * @param newerUrl link to the next newer page, or null
 * @param newestUrl link back to the top, or null when already there
 * @param active the filters in force, each with a link that removes it
 * @param facets counts per filter value, grouped by dimension
 * @param facetNote what the counts were computed over
 * @param ranges the date presets
 * @param months the date-jump strip
 */
public record TimelinePage(TimelineFilter filter, List<String> problems, List<Day> days, String olderUrl,
		String newerUrl, String newestUrl, List<Link> active, List<FacetGroup> facets, String facetNote,
		List<Link> ranges, List<Link> months) {

	/** Items of one day. */
	public record Day(String isoDate, String heading, List<Card> cards) {

	}

	/** One item on the timeline. */
	public record Card(long id, String href, String title, String sourceName, String sourceUrl, String badge,
			String type, String time, String datetime, String language, List<Segment> snippet, List<EntityRef> chips) {

	}

	/** A labelled link, optionally with a count and a current-state flag. */
	public record Link(String label, String url, Long count, boolean current) {

		static Link of(String label, String url) {
			return new Link(label, url, null, false);
		}

	}

	/** The top values of one dimension. */
	public record FacetGroup(String name, String title, List<Link> values) {

	}

}
