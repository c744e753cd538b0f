package org.vigil.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trie over token ids: each alias is a path of tokens; a node that ends an alias holds
 * the patterns it stands for. Transitions live in one open-addressing table keyed by
 * (node, token).
 */
final class TokenTrie {

	private static final int[] NONE = new int[0];

	private long[] keys = new long[4096];

	private int[] children = new int[4096];

	private int transitions;

	private int nodes = 1;

	private final List<int[]> outputs = new ArrayList<>(List.of(NONE));

	private int[][] frozenOutputs;

	/** Children of the root by token id (-1: none): most tokens start nothing. */
	private int[] rootChildren = new int[0];

	TokenTrie() {
		Arrays.fill(this.keys, -1L);
	}

	static final int ROOT = 0;

	/** The child of {@code node} along {@code token}, or -1. */
	int child(int node, int token) {
		if (token < 0) {
			return -1;
		}
		if (node == ROOT) {
			return (token < this.rootChildren.length) ? this.rootChildren[token] : -1;
		}
		long key = ((long) node << 32) | token;
		int mask = this.keys.length - 1;
		for (int slot = Vocabulary.mix((int) (key ^ (key >>> 29))) & mask;; slot = (slot + 1) & mask) {
			long k = this.keys[slot];
			if (k == key) {
				return this.children[slot];
			}
			if (k == -1L) {
				return -1;
			}
		}
	}

	/** Children of the root by token id (-1: none); not to be changed. */
	int[] rootChildren() {
		return this.rootChildren;
	}

	int[] outputs(int node) {
		return this.frozenOutputs[node];
	}

	void add(int[] tokens, int pattern) {
		int node = ROOT;
		for (int token : tokens) {
			int next = child(node, token);
			if (next < 0) {
				next = this.nodes++;
				this.outputs.add(NONE);
				if (node == ROOT) {
					if (token >= this.rootChildren.length) {
						int old = this.rootChildren.length;
						this.rootChildren = Arrays.copyOf(this.rootChildren, Math.max(token + 1, old * 2));
						Arrays.fill(this.rootChildren, old, this.rootChildren.length, -1);
					}
					this.rootChildren[token] = next;
				}
				else {
					put(((long) node << 32) | token, next);
				}
			}
			node = next;
		}
		int[] existing = this.outputs.get(node);
		int[] extended = Arrays.copyOf(existing, existing.length + 1);
		extended[existing.length] = pattern;
		this.outputs.set(node, extended);
	}

	void freeze() {
		this.frozenOutputs = this.outputs.toArray(new int[0][]);
	}

	private void put(long key, int child) {
		if ((this.transitions + 1) * 2 > this.keys.length) {
			long[] oldKeys = this.keys;
			int[] oldChildren = this.children;
			this.keys = new long[oldKeys.length * 2];
			Arrays.fill(this.keys, -1L);
			this.children = new int[oldKeys.length * 2];
			for (int i = 0; i < oldKeys.length; i++) {
				if (oldKeys[i] != -1L) {
					insert(oldKeys[i], oldChildren[i]);
				}
			}
		}
		insert(key, child);
		this.transitions++;
	}

	private void insert(long key, int child) {
		int mask = this.keys.length - 1;
		int slot = Vocabulary.mix((int) (key ^ (key >>> 29))) & mask;
		while (this.keys[slot] != -1L) {
			slot = (slot + 1) & mask;
		}
		this.keys[slot] = key;
		this.children[slot] = child;
	}

}
