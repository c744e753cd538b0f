package org.vigil.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of text in a snippet or body, marked when it matched the query or names an entity
 * (then {@code href} is the entity page). Templates print it with {@code th:text}, so
 * scraped text is never interpreted as HTML.
 */
public record Segment(String text, boolean marked, String href, String title) {

	static final String START = "\u27EA";

	static final String STOP = "\u27EB";

	static Segment plain(String text) {
		return new Segment(text, false, null, null);
	}

	/** Splits {@code ts_headline} output whose matches are wrapped in START/STOP. */
	static List<Segment> fromHeadline(String headline) {
		List<Segment> segments = new ArrayList<>();
		if (headline == null) {
			return segments;
		}
		int position = 0;
		while (position < headline.length()) {
			int start = headline.indexOf(START, position);
			if (start < 0) {
				segments.add(plain(headline.substring(position)));
				break;
			}
			if (start > position) {
				segments.add(plain(headline.substring(position, start)));
			}
			int stop = headline.indexOf(STOP, start);
			int end = (stop < 0) ? headline.length() : stop;
			segments.add(new Segment(headline.substring(start + START.length(), end), true, null, null));
			position = (stop < 0) ? headline.length() : stop + STOP.length();
		}
		return segments;
	}

}
