package org.vigil.tagging;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks lines that are only a markdown image link ({@code ![caption](url)}): site
 * teasers of other articles, not part of this one. Blanked with spaces, so offsets still
 * point into the file as given.
 */
final class ImageLines {

	private static final Pattern IMAGE_LINE = Pattern.compile("(?m)^[ \\t]*!\\[[^\\n]*\\]\\([^\\n]*\\)[ \\t]*$");

	private ImageLines() {
	}

	static String blank(String text) {
		if (!text.contains("![")) {
			return text;
		}
		char[] chars = text.toCharArray();
		return blank(chars, 0, chars.length) ? new String(chars) : text;
	}

	/**
	 * Blanks the image lines among whole lines {@code chars[from..to)} ({@code from}
	 * starts a line; {@code to} ends one or the text).
	 * @return whether any line was blanked
	 */
	static boolean blank(char[] chars, int from, int to) {
		// Every such line contains "![": the pattern runs only on the lines that do (no
		// match crosses a '\n'), where on a whole chunk it cost more than the tagging.
		boolean any = false;
		int mark = find(chars, from, to);
		while (mark >= 0) {
			int start = mark;
			while (start > from && chars[start - 1] != '\n') {
				start--;
			}
			int end = mark;
			while (end < to && chars[end] != '\n') {
				end++;
			}
			Matcher matcher = IMAGE_LINE.matcher(CharBuffer.wrap(chars, start, end - start));
			while (matcher.find()) {
				Arrays.fill(chars, start + matcher.start(), start + matcher.end(), ' ');
				any = true;
			}
			mark = find(chars, end, to);
		}
		return any;
	}

	/**
	 * Where the first "![" in {@code chars[from..to)} starts, or -1; reads every other
	 * char: one of the pair's two chars is always read, and the other checked beside it.
	 */
	static int find(char[] chars, int from, int to) {
		for (int i = from + 1; i < to; i += 2) {
			char c = chars[i];
			if (c == '[' && chars[i - 1] == '!') {
				return i - 1;
			}
			if (c == '!' && i + 1 < to && chars[i + 1] == '[') {
				return i;
			}
		}
		return -1;
	}

}
