package org.vigil.tagging;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes mentions in the {@code tag} command's per-file JSON shape: one object per
 * entity, in order of first mention, with all its mentions.
 */
final class TagReport {

	private TagReport() {
	}

	/**
	 * The text with lines that are only a markdown image link blanked
	 * ({@link ImageLines}).
	 */
	static String withoutImageLines(String text) {
		return ImageLines.blank(text);
	}

	/**
	 * Writes one file's result as a JSON object: its name, then one object per entity, in
	 * order of first mention, with all its mentions; the same bytes as Jackson's
	 * generator with its default settings (TagReportTest holds them side by side).
	 * Streamed straight to {@code out} through a buffer of chars: a large text has
	 * hundreds of thousands of mentions, and the generator's calls per value (a cold
	 * JVM's first-tier code inlines none of them) cost more than the characters.
	 */
	static void write(Writer out, String file, Gazetteer gazetteer, List<Tagger.Mention> mentions) throws IOException {
		Map<Integer, List<Tagger.Mention>> byEntity = new LinkedHashMap<>();
		for (Tagger.Mention mention : mentions) {
			byEntity.computeIfAbsent(mention.entity(), (e) -> new ArrayList<>()).add(mention);
		}
		Chars chars = new Chars(out);
		chars.raw("{\"file\":");
		chars.string(file);
		chars.raw(",\"entities\":[");
		boolean first = true;
		for (Map.Entry<Integer, List<Tagger.Mention>> entry : byEntity.entrySet()) {
			if (!first) {
				chars.raw(',');
			}
			first = false;
			writeEntity(chars, gazetteer.entity(entry.getKey()), entry.getValue());
		}
		chars.raw("]}");
		chars.flush();
	}

	// The keys of a mention, written hundreds of thousands of times: copied as chars.
	private static final char[] START = "{\"start\":".toCharArray();

	private static final char[] NEXT_START = ",{\"start\":".toCharArray();

	private static final char[] END = ",\"end\":".toCharArray();

	private static final char[] TEXT = ",\"text\":".toCharArray();

	private static void writeEntity(Chars out, GazetteerData.Entity entity, List<Tagger.Mention> list)
			throws IOException {
		out.raw("{\"type\":");
		out.string(entity.type());
		out.raw(",\"name\":");
		out.string(entity.name());
		out.raw(",\"id\":");
		out.string(entity.stableId());
		if ("country".equals(entity.type())) {
			out.raw(",\"country_code\":");
			out.string(entity.key());
		}
		Set<String> aliases = new LinkedHashSet<>();
		for (GazetteerData.Alias alias : entity.aliases()) {
			if (!alias.text().equals(entity.name())) {
				aliases.add(alias.text());
			}
		}
		out.raw(",\"aliases\":[");
		boolean first = true;
		for (String alias : aliases) {
			if (!first) {
				out.raw(',');
			}
			first = false;
			out.string(alias);
		}
		out.raw("],\"mentions\":[");
		Tagger.Mention best = list.get(0);
		int count = list.size();
		for (int i = 0; i < count; i++) {
			Tagger.Mention mention = list.get(i);
			out.raw((i == 0) ? START : NEXT_START);
			out.number(mention.start());
			out.raw(END);
			out.number(mention.end());
			out.raw(TEXT);
			out.string(mention.surface());
			out.raw('}');
			if (mention.confidence() > best.confidence()) {
				best = mention;
			}
		}
		out.raw("],\"resolved_by\":");
		out.string(best.resolvedBy());
		out.raw(",\"confidence\":");
		out.number(Math.round(best.confidence() * 100) / 100.0);
		out.raw('}');
	}

	/** A buffer of chars in front of a writer, with JSON strings and numbers. */
	private static final class Chars {

		private final Writer out;

		private final char[] buf = new char[1 << 16];

		private int size;

		Chars(Writer out) {
			this.out = out;
		}

		void raw(char c) throws IOException {
			if (this.size == this.buf.length) {
				flush();
			}
			this.buf[this.size++] = c;
		}

		void raw(char[] chars) throws IOException {
			if (this.size + chars.length > this.buf.length) {
				flush();
			}
			System.arraycopy(chars, 0, this.buf, this.size, chars.length);
			this.size += chars.length;
		}

		void raw(String s) throws IOException {
			int length = s.length();
			if (this.size + length > this.buf.length) {
				flush();
				if (length > this.buf.length) {
					this.out.write(s);
					return;
				}
			}
			s.getChars(0, length, this.buf, this.size);
			this.size += length;
		}

		/**
		 * A quoted JSON string, escaped as Jackson escapes it: quote, backslash and
		 * control chars; any other char (non-ASCII too) as it is.
		 */
		void string(String s) throws IOException {
			int length = s.length();
			if (this.size + length + 2 > this.buf.length) {
				flush();
			}
			if (length + 2 > this.buf.length) {
				escaped(s);
				return;
			}
			char[] buf = this.buf;
			int at = this.size;
			buf[at++] = '"';
			s.getChars(0, length, buf, at);
			int end = at + length;
			for (int k = at; k < end; k++) {
				char c = buf[k];
				if (c < 0x20 || c == '"' || c == '\\') {
					escaped(s);
					return;
				}
			}
			buf[end++] = '"';
			this.size = end;
		}

		/** The rare string with a char to escape, char by char. */
		private void escaped(String s) throws IOException {
			raw('"');
			for (int k = 0; k < s.length(); k++) {
				char c = s.charAt(k);
				if (c == '"' || c == '\\') {
					raw('\\');
					raw(c);
				}
				else if (c >= 0x20) {
					raw(c);
				}
				else {
					int named = "\b\t\n\f\r".indexOf(c);
					raw((named >= 0) ? "\\" + "btnfr".charAt(named) : String.format("\\u%04X", (int) c));
				}
			}
			raw('"');
		}

		/**
		 * A non-negative int by multiplication: a cold JVM's first-tier code divides by
		 * ten with a division instruction, several times slower.
		 */
		void number(int value) throws IOException {
			if (this.size + 11 > this.buf.length) {
				flush();
			}
			if (value < 0) {
				raw(Integer.toString(value));
				return;
			}
			char[] buf = this.buf;
			int digits = 1;
			for (long limit = 10; digits < 10 && value >= limit; limit *= 10) {
				digits++;
			}
			int at = this.size + digits;
			this.size = at;
			long v = value;
			do {
				// v / 10 for any v below 2^32.
				long q = (v * 0xCCCCCCCDL) >>> 35;
				buf[--at] = (char) ('0' + (v - q * 10));
				v = q;
			}
			while (v != 0);
		}

		/** Once per entity: written as Jackson writes it. */
		void number(double value) throws IOException {
			raw(Double.toString(value));
		}

		void flush() throws IOException {
			this.out.write(this.buf, 0, this.size);
			this.size = 0;
		}

	}

}
