package org.vigil.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts an item's plain text into paragraphs of segments, the tagger's mentions becoming
 * links to their entity pages. Working on the text rendition (which the mention offsets
 * point into) keeps it safe: every segment is printed as text.
 */
final class MentionHighlighter {

	private static final Pattern PARAGRAPH = Pattern.compile("[^\\n]+");

	private MentionHighlighter() {
	}

	/** A mention: offsets into the body text and the entity it names. */
	record Mention(int start, int end, EntityRef entity) {

	}

	static List<List<Segment>> paragraphs(String text, List<Mention> mentions) {
		List<Mention> usable = usable(text, mentions);
		List<List<Segment>> paragraphs = new ArrayList<>();
		Matcher matcher = PARAGRAPH.matcher(text);
		int next = 0;
		while (matcher.find()) {
			int start = matcher.start();
			int end = matcher.end();
			if (text.substring(start, end).isBlank()) {
				continue;
			}
			List<Segment> segments = new ArrayList<>();
			int position = start;
			while (next < usable.size() && usable.get(next).start() < end) {
				Mention mention = usable.get(next++);
				if (mention.start() < position || mention.end() > end) {
					// Crosses a paragraph break: shown as plain text.
					continue;
				}
				if (mention.start() > position) {
					segments.add(Segment.plain(text.substring(position, mention.start())));
				}
				segments.add(new Segment(text.substring(mention.start(), mention.end()), true, mention.entity().href(),
						mention.entity().name()));
				position = mention.end();
			}
			if (position < end) {
				segments.add(Segment.plain(text.substring(position, end)));
			}
			paragraphs.add(segments);
		}
		return paragraphs;
	}

	/** In bounds, sorted, and not overlapping an earlier one. */
	private static List<Mention> usable(String text, List<Mention> mentions) {
		List<Mention> sorted = mentions.stream()
			.filter((mention) -> mention.start() >= 0 && mention.start() < mention.end()
					&& mention.end() <= text.length())
			.sorted(Comparator.comparingInt(Mention::start)
				.thenComparing(Comparator.comparingInt(Mention::end).reversed()))
			.toList();
		List<Mention> usable = new ArrayList<>();
		int reached = -1;
		for (Mention mention : sorted) {
			if (mention.start() >= reached) {
				usable.add(mention);
				reached = mention.end();
			}
		}
		return usable;
	}

}
