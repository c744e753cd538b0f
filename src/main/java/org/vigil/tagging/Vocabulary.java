package org.vigil.tagging;

import java.util.Arrays;

/**
 * Interns token strings as small ints: an open-addressing table over char arrays, looked
 * up straight from a scratch buffer so that tagging allocates no string per token.
 */
final class Vocabulary {

	private char[][] keys = new char[1024][];

	private int[] ids = new int[1024];

	private int size;

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
		int mask = this.keys.length - 1;
		for (int slot = hash & mask;; slot = (slot + 1) & mask) {
			char[] key = this.keys[slot];
			if (key == null) {
				return -1;
			}
			if (key.length == len && Arrays.equals(key, 0, len, buf, 0, len)) {
				return this.ids[slot];
			}
		}
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
		if ((this.size + 1) * 2 > this.keys.length) {
			grow();
		}
		int id = this.size++;
		put(chars, hash, id);
		return id;
	}

	private void put(char[] chars, int hash, int id) {
		int mask = this.keys.length - 1;
		int slot = hash & mask;
		while (this.keys[slot] != null) {
			slot = (slot + 1) & mask;
		}
		this.keys[slot] = chars;
		this.ids[slot] = id;
	}

	private void grow() {
		char[][] oldKeys = this.keys;
		int[] oldIds = this.ids;
		this.keys = new char[oldKeys.length * 2][];
		this.ids = new int[oldKeys.length * 2];
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != null) {
				put(oldKeys[i], hash(oldKeys[i], oldKeys[i].length), oldIds[i]);
			}
		}
	}

}
