package org.vigil.tagging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast reader reads what the JDK's UTF-8 reader reads, in reads of any size. */
class Utf8ReaderTest {

	private static final String[] PIECES = { "a", "Z", " ", "\n", "é", "ł", "Ș", "中", "😀", "\uFEFF", "NATO ", "-" };

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

	private static String readAll(Reader reader, int size) throws IOException {
		StringBuilder out = new StringBuilder();
		char[] buffer = new char[size];
		for (int n; (n = reader.read(buffer, 0, size)) >= 0;) {
			out.append(buffer, 0, n);
		}
		return out.toString();
	}

}
