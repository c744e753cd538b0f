package org.vigil.tagging;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A document read in bounded chunks of whole lines, image lines blanked
 * ({@link ImageLines}): the tagger takes a chunk's text up to a cut, and the rest stays
 * for the next chunk. A chunk grows only when it holds no paragraph break where the
 * tagger may cut it.
 */
final class TextChunks {

	/** Chars per chunk: token arrays of a few MB that stay in cache and are reused. */
	static final int DEFAULT_CHARS = 1 << 18;

	private final Reader reader;

	private char[] chars;

	/** Chars read into {@link #chars}. */
	private int length;

	/** Chars ready for tagging: whole lines, image lines blanked. */
	private int ready;

	/** Where {@code chars[0]} lies in the document. */
	private int base;

	private boolean end;

	private int tagged;

	TextChunks(Reader reader, int chunkChars) {
		this.reader = reader;
		this.chars = new char[Math.max(16, chunkChars)];
	}

	/** Reads until the chunk is full or the document ends; false when nothing is left. */
	boolean fill() throws IOException {
		while (!this.end && this.length < this.chars.length) {
			int n = this.reader.read(this.chars, this.length, this.chars.length - this.length);
			if (n < 0) {
				this.end = true;
			}
			else {
				this.length += n;
			}
		}
		int lines = this.end ? this.length : lastLineEnd();
		ImageLines.blank(this.chars, this.ready, lines);
		this.ready = lines;
		return this.length > 0;
	}

	private int lastLineEnd() {
		for (int i = this.length - 1; i >= this.ready; i--) {
			if (this.chars[i] == '\n') {
				return i + 1;
			}
		}
		return this.ready;
	}

	char[] chars() {
		return this.chars;
	}

	/** Chars of the chunk ready for tagging. */
	int ready() {
		return this.ready;
	}

	/** Where the chunk starts in the document. */
	int base() {
		return this.base;
	}

	/** The chunk holds the rest of the document. */
	boolean last() {
		return this.end && this.ready == this.length;
	}

	/** Drops the chunk's first {@code count} chars, which were tagged. */
	void consume(int count) {
		System.arraycopy(this.chars, count, this.chars, 0, this.length - count);
		this.length -= count;
		this.ready -= count;
		this.base += count;
		this.tagged++;
	}

	/** Chunks tagged so far. */
	int tagged() {
		return this.tagged;
	}

	/** The chunk's capacity in chars: it grows only when it has no place to cut. */
	int capacity() {
		return this.chars.length;
	}

	/** Doubles the chunk: it had no place to cut. */
	void grow() {
		this.chars = Arrays.copyOf(this.chars, this.chars.length * 2);
	}

	/** Chars consumed so far: the document's length once all is tagged. */
	int consumed() {
		return this.base;
	}

}
