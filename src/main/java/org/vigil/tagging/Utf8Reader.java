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
 * ASCII copied byte by byte: news text is nearly all ASCII, and one small loop, compiled
 * at once by a cold JVM, reads it several times faster than the JDK's decoder chain. Any
 * other byte goes to the JDK's decoder, a few bytes at a time.
 */
final class Utf8Reader extends Reader {

	/** Bytes a UTF-8 sequence may take: the decoder's window past an ASCII run. */
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
			n = ascii(into, offset, n, length);
			if (n < length && this.position < this.limit) {
				n = other(into, offset, n, length);
			}
		}
		return (n == 0) ? -1 : n;
	}

	/** Copies ASCII bytes until a non-ASCII one, the buffer's end or the caller's. */
	private int ascii(char[] into, int offset, int n, int length) {
		byte[] bytes = this.bytes;
		int i = this.position;
		int stop = Math.min(this.limit, i + (length - n));
		int at = offset + n;
		while (i < stop) {
			byte b = bytes[i];
			if (b < 0) {
				break;
			}
			into[at++] = (char) b;
			i++;
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
