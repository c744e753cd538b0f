package org.vigil.tagging;

import java.util.Arrays;

/**
 * Interns token strings as small ints: an open-addressing table looked up straight from a
 * scratch buffer, so that tagging allocates no string per token. Each slot packs the
 * token's hash and id into one long, so a probe is one memory read; the characters are
 * compared only when the hashes agree.
 */
final class Vocabulary {

	private long[] slots = new long[1024];

	// The characters of all tokens, one after another, so that comparing a hit reads
	// one compact array instead of a separate object per token.
	private char[] pool = new char[4096];

	private int poolSize;

	private int[] offsets = new int[512];

	private int[] lengths = new int[512];

	private int size;

	/**
	 * Ids of one-char tokens below {@link #CHARS} (-1: unknown): punctuation marks are a
	 * fifth of a text's tokens, and a table read beats a hash probe for each.
	 */
	private final int[] singles = filled(CHARS);

	private static final int CHARS = 256;

	private static int[] filled(int length) {
		int[] table = new int[length];
		Arrays.fill(table, -1);
		return table;
	}

	int size() {
		return this.size;
	}

	static int hash(char[] buf, int len) {
		int h = 0;
		for (int i = 0; i < len; i++) {
			h = 31 * h + buf[i];
		}
		return mix(h);
	}

	static int mix(int h) {
		h ^= h >>> 16;
		h *= 0x85EBCA6B;
		h ^= h >>> 13;
		return h;
	}

	/** The id of the token, or -1 when it is unknown. */
	int find(char[] buf, int len, int hash) {
		return find(buf, 0, len, hash);
	}

	/**
	 * The id of the token {@code buf[offset..offset + len)}, or -1 when it is unknown.
	 */
	int find(char[] buf, int offset, int len, int hash) {
		long[] table = this.slots;
		int mask = table.length - 1;
		for (int slot = hash & mask;; slot = (slot + 1) & mask) {
			long entry = table[slot];
			if (entry == 0) {
				return -1;
			}
			if ((int) (entry >>> 32) == hash) {
				int id = (int) entry - 1;
				if (this.lengths[id] == len && same(this.pool, this.offsets[id], buf, offset, len)) {
					return id;
				}
			}
		}
	}

	/**
	 * A plain loop: tokens are short, and for them it beats {@code Arrays.equals} (range
	 * checks, then a vectorised comparison stub).
	 */
	private static boolean same(char[] pool, int offset, char[] buf, int from, int len) {
		for (int i = 0; i < len; i++) {
			if (pool[offset + i] != buf[from + i]) {
				return false;
			}
		}
		return true;
	}

	/** The id of the one-char token {@code c}, or -1. */
	int find(char c) {
		if (c < CHARS) {
			return this.singles[c];
		}
		char[] buf = { c };
		return find(buf, 1, mix(c));
	}

	/** The token of {@code id}, as added. */
	String token(int id) {
		return new String(this.pool, this.offsets[id], this.lengths[id]);
	}

	int find(String token) {
		char[] chars = token.toCharArray();
		return find(chars, chars.length, hash(chars, chars.length));
	}

	int add(String token) {
		char[] chars = token.toCharArray();
		int hash = hash(chars, chars.length);
		int existing = find(chars, chars.length, hash);
		if (existing >= 0) {
			return existing;
		}
		if ((this.size + 1) * 2 > this.slots.length) {
			long[] old = this.slots;
			this.slots = new long[old.length * 2];
			for (long entry : old) {
				if (entry != 0) {
					put(entry);
				}
			}
		}
		int id = this.size++;
		if (id == this.offsets.length) {
			this.offsets = Arrays.copyOf(this.offsets, id * 2);
			this.lengths = Arrays.copyOf(this.lengths, id * 2);
		}
		if (this.poolSize + chars.length > this.pool.length) {
			this.pool = Arrays.copyOf(this.pool, Math.max(this.pool.length * 2, this.poolSize + chars.length));
		}
		System.arraycopy(chars, 0, this.pool, this.poolSize, chars.length);
		this.offsets[id] = this.poolSize;
		this.lengths[id] = chars.length;
		this.poolSize += chars.length;
		put(((long) hash << 32) | ((id + 1) & 0xFFFFFFFFL));
		if (chars.length == 1 && chars[0] < CHARS) {
			this.singles[chars[0]] = id;
		}
		return id;
	}

	private void put(long entry) {
		int mask = this.slots.length - 1;
		int slot = (int) (entry >>> 32) & mask;
		while (this.slots[slot] != 0) {
			slot = (slot + 1) & mask;
		}
		this.slots[slot] = entry;
	}

}
