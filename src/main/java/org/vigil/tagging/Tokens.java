package org.vigil.tagging;

import java.util.Arrays;

/**
 * A text cut into tokens (runs of letters and digits, and single punctuation marks), each
 * with its span in the original text, its ids in the folded and the exact vocabularies,
 * and a few shape flags.
 */
final class Tokens {

	static final int CAP = 1;

	static final int UPPER = 2;

	static final int DIGITS = 4;

	static final int WORD = 8;

	static final int NEWLINE_BEFORE = 16;

	static final int SUFFIXED = 32;

	static final int SPACE_BEFORE = 64;

	/** A blank line (a paragraph break) precedes the token: no match spans it. */
	static final int PARAGRAPH_BEFORE = 128;

	/**
	 * The text: {@code chars[0..length)}, which starts {@code base} chars into the
	 * document.
	 */
	final char[] chars;

	final int length;

	final int base;

	int count;

	int[] start;

	int[] end;

	int[] folded;

	int[] exact;

	int[] flags;

	int[] letters;

	/** The chars are a copy of a whole text (kept for the next), not a chunk reader's. */
	private final boolean ownsChars;

	private Tokens(char[] chars, int length, int base, boolean ownsChars) {
		this.chars = chars;
		this.length = length;
		this.base = base;
		this.ownsChars = ownsChars;
		int[][] arrays = SpareTokenArrays.take(Math.max(16, length / 4));
		this.start = arrays[0];
		this.end = arrays[1];
		this.folded = arrays[2];
		this.exact = arrays[3];
		this.flags = arrays[4];
		this.letters = arrays[5];
	}

	/**
	 * Hands this text's arrays to the next text tagged on this thread; this object must
	 * not be used afterwards.
	 */
	void release() {
		SpareTokenArrays.give(new int[][] { this.start, this.end, this.folded, this.exact, this.flags, this.letters },
				this.ownsChars ? this.chars : null);
		this.start = null;
		this.end = null;
		this.folded = null;
		this.exact = null;
		this.flags = null;
		this.letters = null;
	}

	/** Cuts a whole text into tokens, looking each up in the gazetteer's vocabularies. */
	static Tokens of(String text, Gazetteer g) {
		char[] chars = SpareTokenArrays.takeChars(text.length());
		text.getChars(0, text.length(), chars, 0);
		Tokens tokens = new Tokens(chars, text.length(), 0, true);
		tokens.cut(g, 0, true);
		return tokens;
	}

	/**
	 * Cuts one chunk of a document into tokens.
	 * @param base where the chunk starts in the document
	 * @param flagsBefore what the whitespace before the chunk's first char says
	 * ({@link #SPACE_BEFORE}, {@link #NEWLINE_BEFORE}, {@link #PARAGRAPH_BEFORE})
	 * @param atStart the chunk starts the document (a leading mark is not a token)
	 */
	static Tokens of(char[] chars, int length, int base, int flagsBefore, boolean atStart, Gazetteer g) {
		Tokens tokens = new Tokens(chars, length, base, false);
		tokens.cut(g, flagsBefore, atStart);
		return tokens;
	}

	// Small methods on purpose: each is compiled by its next call, where one big loop
	// waits for on-stack replacement.

	/** Folded chars of the current word. */
	private char[] foldBuf = new char[64];

	/** Chars of the current word as written. */
	private char[] normBuf = new char[64];

	private void cut(Gazetteer g, int flagsBefore, boolean atStart) {
		int n = this.length;
		char[] chars = this.chars;
		int i = 0;
		int pendingFlags = flagsBefore;
		while (i < n) {
			char c = chars[i];
			int kind = Folding.info(c) & Folding.INFO_KIND;
			if (kind == Folding.SPACE || (kind == Folding.MARK && this.count == 0 && atStart)) {
				pendingFlags |= SPACE_BEFORE;
				if (c == '\n') {
					pendingFlags |= ((pendingFlags & NEWLINE_BEFORE) != 0) ? PARAGRAPH_BEFORE : NEWLINE_BEFORE;
				}
				i++;
				continue;
			}
			if (kind == Folding.PUNCT || kind == Folding.MARK) {
				mark(g, i, c, pendingFlags);
				i++;
			}
			else {
				i = word(g, i, pendingFlags);
			}
			pendingFlags = 0;
		}
	}

	/** A punctuation mark (or a stray combining mark): a token of one char. */
	private void mark(Gazetteer g, int at, char c, int tokenFlags) {
		char f = Folding.fold(c);
		add(at, at + 1, g.foldedVocabulary.find(f), g.exactVocabulary.find(f), tokenFlags, 0);
	}

	/**
	 * The word starting at {@code from}; returns where it ends. Most words are written as
	 * they fold (lower case, no diacritics, no combining marks): those are looked up
	 * straight in the text, and only the others are spelt out into the buffers.
	 */
	private int word(Gazetteer g, int from, int pendingFlags) {
		char[] chars = this.chars;
		int n = this.length;
		int fh = 0;
		int upper = 0;
		int lower = 0;
		// Non-zero once a folded char differs from the written one or a mark is dropped.
		int differs = 0;
		int firstInfo = Folding.info(chars[from]);
		int i = from;
		while (i < n) {
			char c = chars[i];
			int info = Folding.info(c);
			int kind = info & Folding.INFO_KIND;
			if (kind == Folding.WORD) {
				int letterCase = info & Folding.INFO_CASE;
				if (letterCase == Folding.INFO_UPPER) {
					upper++;
				}
				else if (letterCase == Folding.INFO_LOWER) {
					lower++;
				}
				char f = (char) (info >>> 16);
				differs |= f ^ c;
				fh = 31 * fh + f;
			}
			else if (kind == Folding.MARK) {
				differs = 1;
			}
			else {
				break;
			}
			i++;
		}
		boolean firstUpper = (firstInfo & Folding.INFO_CASE) == Folding.INFO_UPPER;
		boolean firstDigit = (firstInfo & Folding.INFO_DIGIT) != 0;
		int fl = WORD | pendingFlags;
		if (firstUpper) {
			fl |= CAP;
		}
		if (upper >= 2 && lower == 0) {
			fl |= UPPER;
		}
		if (firstDigit) {
			fl |= DIGITS;
		}
		char[] folded = chars;
		char[] written = chars;
		int at = from;
		int length = i - from;
		int nh = fh;
		if (differs != 0) {
			length = spell(from, i);
			folded = this.foldBuf;
			written = this.normBuf;
			at = 0;
			nh = 0;
			for (int k = 0; k < length; k++) {
				nh = 31 * nh + written[k];
			}
		}
		int foldedId = g.foldedVocabulary.find(folded, at, length, Vocabulary.mix(fh));
		if (foldedId < 0 && length >= 3 && (firstUpper || firstDigit)) {
			if (differs == 0) {
				spell(from, i);
			}
			int stem = Stems.find(this.foldBuf, length, g.foldedVocabulary);
			if (stem >= 0) {
				foldedId = stem;
				fl |= SUFFIXED;
			}
		}
		// Exact aliases are acronyms and capitalised words: a lower-case word is
		// never one.
		int exactHash = Vocabulary.mix(nh);
		int exactId = (upper > 0 || firstDigit
				|| (g.mayBeExactLowercase(foldedId) && g.exactLowercase.find(written, at, length, exactHash) >= 0))
						? g.exactVocabulary.find(written, at, length, exactHash) : -1;
		add(from, i, foldedId, exactId, fl, upper + lower);
		return i;
	}

	/**
	 * Spells the word {@code chars[from..to)} into {@link #foldBuf} (folded) and
	 * {@link #normBuf} (as written), combining marks dropped; returns its length.
	 */
	private int spell(int from, int to) {
		if (this.foldBuf.length < to - from) {
			this.foldBuf = new char[Math.max(to - from, this.foldBuf.length * 2)];
			this.normBuf = new char[this.foldBuf.length];
		}
		int length = 0;
		for (int k = from; k < to; k++) {
			char c = this.chars[k];
			int info = Folding.info(c);
			if ((info & Folding.INFO_KIND) == Folding.WORD) {
				this.foldBuf[length] = (char) (info >>> 16);
				this.normBuf[length] = c;
				length++;
			}
		}
		return length;
	}

	private void add(int from, int to, int foldedId, int exactId, int tokenFlags, int letterCount) {
		if (this.count == this.start.length) {
			grow();
		}
		this.start[this.count] = from;
		this.end[this.count] = to;
		this.folded[this.count] = foldedId;
		this.exact[this.count] = exactId;
		this.flags[this.count] = tokenFlags;
		this.letters[this.count] = letterCount;
		this.count++;
	}

	private void grow() {
		int capacity = this.count * 2;
		this.start = Arrays.copyOf(this.start, capacity);
		this.end = Arrays.copyOf(this.end, capacity);
		this.folded = Arrays.copyOf(this.folded, capacity);
		this.exact = Arrays.copyOf(this.exact, capacity);
		this.flags = Arrays.copyOf(this.flags, capacity);
		this.letters = Arrays.copyOf(this.letters, capacity);
	}

	boolean is(int token, int flag) {
		return (this.flags[token] & flag) != 0;
	}

	String surface(int token) {
		return substring(this.start[token], this.end[token]);
	}

	String substring(int from, int to) {
		return new String(this.chars, from, to - from);
	}

	String folded(int token) {
		return Folding.fold(surface(token));
	}

}
