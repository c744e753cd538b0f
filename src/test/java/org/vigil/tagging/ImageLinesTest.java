package org.vigil.tagging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines that are only a markdown image link are blanked with spaces, offsets kept; the
 * quick check for "![" that skips texts without any sees every place it can be.
 */
class ImageLinesTest {

	@Test
	void onlyLinesThatAreAnImageLinkAreBlanked() {
		String image = "  ![Teaser](https://example.org/a.jpg)  ";
		String text = "Rutte spoke.\n" + image + "\nSee ![inline](b.png) here.\n![x](y)";
		assertThat(ImageLines.blank(text).split("\n", -1)).containsExactly("Rutte spoke.", " ".repeat(image.length()),
				"See ![inline](b.png) here.", " ".repeat("![x](y)".length()));
	}

	@Test
	void theQuickCheckFindsTheMarkAtEveryOffsetOfEveryRange() {
		for (int length = 2; length <= 12; length++) {
			for (int at = 0; at + 2 <= length; at++) {
				char[] chars = ("x".repeat(at) + "![" + "x".repeat(length - at - 2)).toCharArray();
				for (int from = 0; from <= at; from++) {
					for (int to = at + 2; to <= length; to++) {
						assertThat(ImageLines.contains(chars, from, to))
							.as("%s in [%d, %d)", new String(chars), from, to)
							.isTrue();
					}
					// The range ends inside the mark, or starts inside it: no "![" in it.
					assertThat(ImageLines.contains(chars, from, at + 1)).isFalse();
				}
				assertThat(ImageLines.contains(chars, at + 1, length)).isFalse();
			}
		}
		assertThat(ImageLines.contains("!x[![".toCharArray(), 0, 4)).isFalse();
		assertThat(ImageLines.contains("[!".toCharArray(), 0, 2)).isFalse();
	}

}
