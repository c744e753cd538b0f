package org.vigil.tagging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast reader reads what the JDK's UTF-8 reader reads, in reads of any size. */
class Utf8ReaderTest {

	/** Every length of sequence, and the first and last char of each. */
	private static final String[] PIECES = { "a", "Z", " ", "\n", "é", "ł", "Ș", "中", "😀", "\uFEFF", "NATO ", "-",
			"\u0080", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF", "\u2019", "\u2014", "Я",
			"\uDBFF\uDFFF", "\uD800\uDC00" };

	@Test
	void readsWhatTheJdkReads() throws IOException {
		Random random = new Random(14);
		StringBuilder text = new StringBuilder();
		while (text.length() < 300_000) {
			text.append(PIECES[random.nextInt(PIECES.length)]);
		}
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		for (int size : new int[] { 1, 2, 3, 7, 4096, 1 << 18 }) {
			assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), size)).as("reads of %d", size)
				.isEqualTo(
						readAll(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), size));
		}
	}

	@Test
	void malformedInputIsAnError() {
		byte[] truncated = { 'a', 'b', (byte) 0xC5 };
		byte[] invalid = { 'a', (byte) 0xFF, 'b' };
		for (byte[] bytes : new byte[][] { truncated, invalid }) {
			assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), 16))
				.isInstanceOf(MalformedInputException.class);
		}
	}

	/**
	 * Bytes drawn from the ones that decide a sequence (ASCII, continuation bytes, every
	 * kind of lead, the overlong and surrogate edges): read as the JDK's strict decoder
	 * reads them, or refused where it refuses them.
	 */
	@Test
	void anyBytesAreReadAsTheJdkReadsThemOrRefusedAsItRefusesThem() throws IOException {
		int[] interesting = { 'a', ' ', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xC5, 0xDF, 0xE0,
				0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF };
		Random random = new Random(15);
		for (int run = 0; run < 100_000; run++) {
			byte[] bytes = new byte[1 + random.nextInt(12)];
			for (int k = 0; k < bytes.length; k++) {
				bytes[k] = (byte) interesting[random.nextInt(interesting.length)];
			}
			String expected;
			try {
				expected = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
			}
			catch (CharacterCodingException ex) {
				expected = null;
			}
			int size = 1 + random.nextInt(5);
			if (expected == null) {
				assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), size))
					.as(HexFormat.of().formatHex(bytes))
					.isInstanceOf(MalformedInputException.class);
			}
			else {
				assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), size))
					.as(HexFormat.of().formatHex(bytes))
					.isEqualTo(expected);
			}
		}
	}

	private static String readAll(Reader reader, int size) throws IOException {
		StringBuilder out = new StringBuilder();
		char[] buffer = new char[size];
		for (int n; (n = reader.read(buffer, 0, size)) >= 0;) {
			out.append(buffer, 0, n);
		}
		return out.toString();
	}

}
