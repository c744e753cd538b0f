package org.vigil.timeline;

import java.util.List;
import java.util.stream.Collectors;

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
 * @param total how many items match, in words ("1,234 items")
 * @param sorts "Best match" and "Newest" with a query, else empty
 * @param rankNote what a best-match order was computed over when not every match, or null
 */
public record TimelinePage(TimelineFilter filter, List<String> problems, List<Day> days, String olderUrl,
		String newerUrl, String newestUrl, List<Link> active, List<FacetGroup> facets, String facetNote,
		List<Link> ranges, List<Link> months, String total, List<Link> sorts, String rankNote) {

	/**
	 * Items of one day, each story once; {@code isoDate} and {@code heading} are null
	 * when the page is not in date order (best match).
	 */
	public record Day(String isoDate, String heading, List<Story> stories) {

		/** Every card of the day, story members included. */
		public List<Card> cards() {
			return this.stories.stream()
				.flatMap((story) -> java.util.stream.Stream.concat(java.util.stream.Stream.of(story.lead()),
						story.others().stream()))
				.toList();
		}

	}

	/**
	 * An item and the other items of its story on the page (often empty).
	 *
	 * @param lead the first item of the story on the page
	 * @param others the story's other items on the page, in page order
	 */
	public record Story(Card lead, List<Card> others) {

		/** The other items' sources, each once, for "Also from NATO, MoD". */
		public String otherSources() {
			return this.others.stream().map(Card::sourceName).distinct().collect(Collectors.joining(", "));
		}

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
