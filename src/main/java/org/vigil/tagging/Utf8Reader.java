package org.vigil.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 as {@code Files.newBufferedReader} does (malformed input is an error), with
 * ASCII copied byte by byte and well-formed two- and three-byte sequences (Latin letters
 * with diacritics, Cyrillic, CJK, typographic quotes and dashes) decoded in the same
 * loop: one small loop, compiled at once by a cold JVM, reads news text several times
 * faster than the JDK's decoder chain. Anything else (four-byte sequences, malformed or
 * cut-off input) goes to the JDK's decoder, a few bytes at a time, which also reports
 * what is malformed.
 */
final class Utf8Reader extends Reader {

	/**
	 * Bytes a UTF-8 sequence may take: the JDK decoder's window where {@link #common}
	 * stops.
	 */
	private static final int SEQUENCE = 4;

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();

	private final byte[] bytes = new byte[1 << 16];

	private int position;

	private int limit;

	private boolean end;

	/** A decoded char the caller had no room for (the second of a surrogate pair). */
	private int pending = -1;

	Utf8Reader(InputStream in) {
		this.in = in;
	}

	@Override
	public int read(char[] into, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		int n = 0;
		if (this.pending >= 0) {
			into[offset] = (char) this.pending;
			this.pending = -1;
			n = 1;
		}
		while (n < length) {
			if (this.limit - this.position < SEQUENCE && !this.end) {
				fill();
			}
			if (this.position == this.limit) {
				break;
			}
			n = common(into, offset, n, length);
			if (n < length && this.position < this.limit) {
				n = other(into, offset, n, length);
			}
		}
		return (n == 0) ? -1 : n;
	}

	/**
	 * Copies ASCII and decodes well-formed two- and three-byte sequences until anything
	 * else, the buffer's end or the caller's. The checks are the JDK's: no overlong forms
	 * (lead bytes C0, C1; E0 followed by less than A0) and no surrogates (ED followed by
	 * more than 9F); every byte after the lead is a continuation byte (80–BF, negative
	 * and above -65 as a Java byte).
	 */
	private int common(char[] into, int offset, int n, int length) {
		byte[] bytes = this.bytes;
		int limit = this.limit;
		int i = this.position;
		int at = offset + n;
		int stop = offset + length;
		while (at < stop && i < limit) {
			int b = bytes[i];
			if (b >= 0) {
				// a run of ASCII: one bound for bytes and chars alike
				int end = Math.min(limit, i + (stop - at));
				do {
					into[at++] = (char) b;
					i++;
				}
				while (i < end && (b = bytes[i]) >= 0);
			}
			else if (b >= -62 && b <= -33 && i + 1 < limit && bytes[i + 1] <= -65) {
				into[at++] = (char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
				i += 2;
			}
			else if (b >= -32 && b <= -17 && i + 2 < limit && bytes[i + 1] <= -65 && bytes[i + 2] <= -65
					&& (b != -32 || bytes[i + 1] >= -96) && (b != -19 || bytes[i + 1] <= -97)) {
				into[at++] = (char) (((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
				i += 3;
			}
			else {
				break;
			}
		}
		this.position = i;
		return at - offset;
	}

	/** Decodes the next sequence (and what follows it in its window) with the JDK. */
	private int other(char[] into, int offset, int n, int length) throws IOException {
		int window = Math.min(this.limit - this.position, SEQUENCE);
		ByteBuffer source = ByteBuffer.wrap(this.bytes, this.position, window);
		boolean last = this.end && this.position + window == this.limit;
		boolean room = length - n >= 2;
		CharBuffer target = room ? CharBuffer.wrap(into, offset + n, length - n) : CharBuffer.allocate(2);
		CoderResult result = this.decoder.decode(source, target, last);
		if (result.isError()) {
			result.throwException();
		}
		this.position = source.position();
		if (room) {
			return target.position() - offset;
		}
		// One char of room: a surrogate pair (or a char after the sequence) waits.
		if (target.position() == 0) {
			return n;
		}
		into[offset + n] = target.get(0);
		if (target.position() == 2) {
			this.pending = target.get(1);
		}
		return n + 1;
	}

	/** Moves what is left to the buffer's start and reads more after it. */
	private void fill() throws IOException {
		int left = this.limit - this.position;
		System.arraycopy(this.bytes, this.position, this.bytes, 0, left);
		this.position = 0;
		this.limit = left;
		while (this.limit < this.bytes.length) {
			int read = this.in.read(this.bytes, this.limit, this.bytes.length - this.limit);
			if (read < 0) {
				this.end = true;
				return;
			}
			this.limit += read;
		}
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
