package org.vigil.tagging;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines that are only a markdown image link are blanked with spaces, offsets kept, as the
 * line-anchored pattern run on the whole text blanks them; the scan for "![" that picks
 * the lines to try sees every place it can be.
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
	void blanksWhatThePatternRunOnTheWholeRangeBlanks() {
		// Lines of marks, brackets, spaces, and every line terminator the pattern knows.
		char[] alphabet = { '!', '[', ']', '(', ')', ' ', '\t', '\n', '\r', '\u2028', '\u0085', 'a' };
		Random random = new Random(20261206);
		for (int n = 0; n < 200_000; n++) {
			char[] chars = new char[2 + random.nextInt(40)];
			for (int i = 0; i < chars.length; i++) {
				chars[i] = (random.nextInt(4) == 0) ? "![a](b)".charAt(random.nextInt(7))
						: alphabet[random.nextInt(alphabet.length)];
			}
			int from = 0;
			int to = chars.length;
			char[] expected = chars.clone();
			Matcher whole = Pattern.compile("(?m)^[ \\t]*!\\[[^\\n]*\\]\\([^\\n]*\\)[ \\t]*$")
				.matcher(CharBuffer.wrap(expected));
			boolean blanked = false;
			while (whole.find()) {
				Arrays.fill(expected, whole.start(), whole.end(), ' ');
				blanked = true;
			}
			char[] original = chars.clone();
			assertThat(ImageLines.blank(chars, from, to)).as(escaped(original)).isEqualTo(blanked);
			assertThat(chars).as(escaped(original)).isEqualTo(expected);
		}
	}

	private static String escaped(char[] chars) {
		StringBuilder text = new StringBuilder();
		for (char c : chars) {
			text.append((c < 0x20 || c > 0x7e) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
		}
		return text.toString();
	}

	@Test
	void theScanFindsTheMarkAtEveryOffsetOfEveryRange() {
		for (int length = 2; length <= 12; length++) {
			for (int at = 0; at + 2 <= length; at++) {
				char[] chars = ("x".repeat(at) + "![" + "x".repeat(length - at - 2)).toCharArray();
				for (int from = 0; from <= at; from++) {
					for (int to = at + 2; to <= length; to++) {
						assertThat(ImageLines.find(chars, from, to)).as("%s in [%d, %d)", new String(chars), from, to)
							.isEqualTo(at);
					}
					// The range ends inside the mark, or starts inside it: no "![" in it.
					assertThat(ImageLines.find(chars, from, at + 1)).isEqualTo(-1);
				}
				assertThat(ImageLines.find(chars, at + 1, length)).isEqualTo(-1);
			}
		}
		assertThat(ImageLines.find("!x[![".toCharArray(), 0, 4)).isEqualTo(-1);
		assertThat(ImageLines.find("[!".toCharArray(), 0, 2)).isEqualTo(-1);
		assertThat(ImageLines.find("a![b![".toCharArray(), 0, 6)).isEqualTo(1);
	}

}
