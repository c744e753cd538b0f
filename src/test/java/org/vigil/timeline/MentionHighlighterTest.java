package org.vigil.timeline;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionHighlighterTest {

	private final EntityRef poland = new EntityRef(1, EntityType.COUNTRY, "PL", "Poland");

	@Test
	void splitsParagraphsAndLinksMentionsIgnoringBadOffsets() {
		String text = "Poland signs.\n\nThen <b>Poland</b> again.";
		int second = text.lastIndexOf("Poland");
		List<List<Segment>> paragraphs = MentionHighlighter.paragraphs(text,
				List.of(new MentionHighlighter.Mention(0, 6, this.poland),
						new MentionHighlighter.Mention(2, 4, this.poland),
						new MentionHighlighter.Mention(second, second + 6, this.poland),
						new MentionHighlighter.Mention(30, 900, this.poland)));
		assertThat(paragraphs).hasSize(2);
		assertThat(paragraphs.get(0)).containsExactly(new Segment("Poland", true, "/entities/country/PL", "Poland"),
				Segment.plain(" signs."));
		assertThat(paragraphs.get(1)).containsExactly(Segment.plain("Then <b>"),
				new Segment("Poland", true, "/entities/country/PL", "Poland"), Segment.plain("</b> again."));
	}

	@Test
	void diffMarksRemovedAndAddedWords() {
		List<TextDiff.Part> diff = TextDiff.diff("NATO will act soon.", "NATO acted today.");
		assertThat(diff).extracting(TextDiff.Part::kind)
			.containsExactly(TextDiff.Kind.SAME, TextDiff.Kind.REMOVED, TextDiff.Kind.ADDED);
		assertThat(diff.get(0).text()).isEqualTo("NATO ");
	}

}
