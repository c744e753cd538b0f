package org.vigil.tagging;

import java.text.Normalizer;

/**
 * Character classes and folding for the matcher: lower case, no diacritics, one folded
 * character per input character (combining marks fold to nothing), so offsets into the
 * original text never need a map.
 */
final class Folding {

	static final byte SPACE = 0;

	static final byte WORD = 1;

	static final byte PUNCT = 2;

	/** A combining mark: part of the word before it, dropped when folding. */
	static final byte MARK = 3;

	private static final int TABLE = 0x3000;

	private static final char[] FOLD = new char[TABLE];

	private static final char[] NORM = new char[TABLE];

	private static final byte[] KIND = new byte[TABLE];

	/** Upper case (1), lower case (2) or neither (0), for chars below {@link #TABLE}. */
	private static final byte[] CASE = new byte[TABLE];

	static final byte UPPER = 1;

	static final byte LOWER = 2;

	/**
	 * What the tokeniser needs of a char in one int: its kind (bits 0-1), case (bits
	 * 2-3), whether it is a digit (bit 4) and its folded form (bits 16-31). One table
	 * read in place of three calls per char: a cold JVM's first-tier code inlines none of
	 * {@link #kind} or {@link #letterCase}.
	 */
	private static final int[] INFO = new int[TABLE];

	static final int INFO_KIND = 3;

	static final int INFO_UPPER = UPPER << 2;

	static final int INFO_LOWER = LOWER << 2;

	static final int INFO_CASE = INFO_UPPER | INFO_LOWER;

	static final int INFO_DIGIT = 16;

	static {
		for (int c = 0; c < TABLE; c++) {
			char ch = (char) c;
			CASE[c] = Character.isUpperCase(ch) ? UPPER : Character.isLowerCase(ch) ? LOWER : 0;
			int type = Character.getType(ch);
			if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
					|| type == Character.COMBINING_SPACING_MARK) {
				KIND[c] = MARK;
				FOLD[c] = 0;
				NORM[c] = 0;
			}
			else if (Character.isLetterOrDigit(ch)) {
				KIND[c] = WORD;
				NORM[c] = ch;
				FOLD[c] = foldLetter(ch);
			}
			else if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == '\u200B' || ch == '\uFEFF'
					|| Character.isISOControl(ch)) {
				KIND[c] = SPACE;
			}
			else {
				KIND[c] = PUNCT;
				char unified = unifyPunctuation(ch);
				NORM[c] = unified;
				FOLD[c] = unified;
			}
			INFO[c] = pack(KIND[c], CASE[c], Character.isDigit(ch), FOLD[c]);
		}
	}

	private static int pack(byte kind, byte letterCase, boolean digit, char fold) {
		return kind | (letterCase << 2) | (digit ? INFO_DIGIT : 0) | (fold << 16);
	}

	/** Kind, case, digit and folded form of a char, packed as in {@link #INFO}. */
	static int info(char c) {
		return (c < TABLE) ? INFO[c] : infoAbove(c);
	}

	private static int infoAbove(char c) {
		return pack(kind(c), letterCase(c), Character.isDigit(c), fold(c));
	}

	private Folding() {
	}

	private static char foldLetter(char ch) {
		switch (ch) {
			case 'ł', 'Ł':
				return 'l';
			case 'đ', 'Đ':
				return 'd';
			case 'ø', 'Ø':
				return 'o';
			case 'ı':
				return 'i';
			case 'ħ', 'Ħ':
				return 'h';
			default:
		}
		String decomposed = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
		char base = decomposed.charAt(0);
		if (decomposed.length() > 1 && Character.getType(base) == Character.NON_SPACING_MARK) {
			base = ch;
		}
		return Character.toLowerCase(base);
	}

	private static char unifyPunctuation(char ch) {
		return switch (ch) {
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u00AD' -> '-';
			case '\u2018', '\u2019', '\u201A', '\u201B', '\u02BC', '\u00B4', '`', '\u2032' -> '\'';
			case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB' -> '"';
			default -> ch;
		};
	}

	static byte kind(char c) {
		if (c < TABLE) {
			return KIND[c];
		}
		if (Character.isSurrogate(c) || Character.isLetterOrDigit(c)) {
			return WORD;
		}
		return Character.isWhitespace(c) || Character.isSpaceChar(c) ? SPACE : PUNCT;
	}

	/**
	 * {@link #UPPER}, {@link #LOWER} or 0: a table read for most chars, where
	 * {@code Character.isUpperCase} is a chain of calls the JIT must first inline.
	 */
	static byte letterCase(char c) {
		if (c < TABLE) {
			return CASE[c];
		}
		return Character.isUpperCase(c) ? UPPER : Character.isLowerCase(c) ? LOWER : 0;
	}

	/** The folded character, or 0 for a combining mark. */
	static char fold(char c) {
		return (c < TABLE) ? FOLD[c] : Character.toLowerCase(c);
	}

	/** The character as written, punctuation unified (dashes, quotes); 0 for a mark. */
	static char normalise(char c) {
		return (c < TABLE) ? NORM[c] : c;
	}

	/** Folds a whole string, dropping marks and collapsing spaces. */
	static String fold(String text) {
		return fold(text.toCharArray(), 0, text.length());
	}

	/**
	 * Folds {@code chars[from..to)} as {@link #fold(String)} does, without a string of
	 * the span first.
	 */
	static String fold(char[] chars, int from, int to) {
		char[] out = new char[to - from];
		return new String(out, 0, foldInto(chars, from, to, out));
	}

	/**
	 * Folds {@code chars[from..to)} as {@link #fold(String)} does into {@code out}, which
	 * holds at least {@code to - from} chars; returns the folded length.
	 */
	static int foldInto(char[] chars, int from, int to, char[] out) {
		int length = 0;
		boolean space = false;
		for (int i = from; i < to; i++) {
			char c = chars[i];
			byte kind = kind(c);
			if (kind == SPACE) {
				space = length > 0;
				continue;
			}
			char f = fold(c);
			if (f == 0) {
				continue;
			}
			if (space) {
				out[length++] = ' ';
				space = false;
			}
			out[length++] = f;
		}
		return length;
	}

}
