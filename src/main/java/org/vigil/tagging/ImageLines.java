package org.vigil.tagging;

import java.nio.CharBuffer;
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
		// Every such line contains "![": most texts have none, and a scan for it is many
		// times faster than the line-anchored pattern.
		if (!contains(chars, from, to)) {
			return false;
		}
		Matcher matcher = IMAGE_LINE.matcher(CharBuffer.wrap(chars, from, to - from));
		boolean any = false;
		while (matcher.find()) {
			for (int i = matcher.start(); i < matcher.end(); i++) {
				chars[from + i] = ' ';
			}
			any = true;
		}
		return any;
	}

	/**
	 * Whether {@code chars[from..to)} holds "![", reading every other char: one of the
	 * pair's two chars is always read, and the other checked beside it.
	 */
	static boolean contains(char[] chars, int from, int to) {
		for (int i = from + 1; i < to; i += 2) {
			char c = chars[i];
			if ((c == '[' && chars[i - 1] == '!') || (c == '!' && i + 1 < to && chars[i + 1] == '[')) {
				return true;
			}
		}
		return false;
	}

}
