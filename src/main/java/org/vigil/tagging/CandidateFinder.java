package org.vigil.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the candidates of one text or chunk: multi-pattern matching over tokens in both
 * tries, the longest match winning where matches overlap, fuzzy person names in what is
 * left, and year suffixes of recurring exercises; then notes what each candidate's
 * neighbourhood says ({@link Neighbourhood}).
 */
final class CandidateFinder {

	private static final int[] NO_PATTERNS = new int[0];

	private final Gazetteer g;

	private final FuzzyNames fuzzyNames;

	/**
	 * The selected candidate starting at each token of the chunk, and the one ending
	 * before each: arrays kept for the next chunk (empty between chunks) rather than a
	 * map of boxed token numbers per chunk.
	 */
	private Candidate[] startingAt = new Candidate[0];

	private Candidate[] endingAt = new Candidate[0];

	/**
	 * Scratch for {@link Neighbourhood}: candidates by first token (all -1 between
	 * chunks).
	 */
	private int[] firstAt = new int[0];

	private int[] nextAt = new int[0];

	/** Scratch for {@link #valid}. */
	private int[] valid = new int[8];

	CandidateFinder(Gazetteer g) {
		this.g = g;
		this.fuzzyNames = new FuzzyNames(g);
	}

	/**
	 * Adds the selected candidates of the tokens before the chunk's cut to {@code into},
	 * in text order.
	 * @param whole the tokens run to the end of the document: no cut needed
	 * @return the token the next chunk starts with ({@code t.count} when whole), or -1
	 * when the chunk has nowhere to be cut and must grow
	 */
	int find(Tokens t, boolean whole, List<Candidate> into) {
		List<Candidate> candidates = new ArrayList<>();
		collect(t, this.g.foldedTrie, t.folded, candidates);
		collect(t, this.g.exactTrie, t.exact, candidates);
		int cut = whole ? t.count : ChunkCut.find(t, candidates, this.g.cues);
		if (cut < 0) {
			return -1;
		}
		if (cut < t.count) {
			candidates.removeIf((c) -> c.from >= cut);
		}
		if (candidates.isEmpty() && this.g.fuzzyNames.isEmpty()) {
			return cut;
		}
		List<Candidate> selected = select(candidates, t.count);
		selected.addAll(this.fuzzyNames.find(t, cut, selected));
		selected.sort(Comparator.comparingInt((Candidate c) -> c.from));
		if (this.startingAt.length <= t.count) {
			this.startingAt = new Candidate[t.count + 1];
			this.endingAt = new Candidate[t.count + 1];
			this.firstAt = new int[t.count + 1];
			Arrays.fill(this.firstAt, -1);
		}
		if (this.nextAt.length < candidates.size()) {
			this.nextAt = new int[Math.max(candidates.size(), this.nextAt.length * 2)];
		}
		Candidate[] startingAt = this.startingAt;
		Candidate[] endingAt = this.endingAt;
		for (Candidate c : selected) {
			startingAt[c.from] = c;
			endingAt[c.to] = c;
			yearSuffix(t, c, startingAt);
		}
		new Neighbourhood(this.g, t, startingAt, endingAt, this.firstAt, this.nextAt).describe(selected, candidates);
		// Left empty for the next chunk: each candidate was entered at its first token
		// and at the token after its last before any year suffix, so within its span.
		for (Candidate c : selected) {
			startingAt[c.from] = null;
			Arrays.fill(endingAt, c.from + 1, c.to + 1, null);
		}
		into.addAll(selected);
		return cut;
	}

	private void collect(Tokens t, TokenTrie trie, int[] ids, List<Candidate> into) {
		int count = t.count;
		int[] roots = trie.rootChildren();
		for (int i = 0; i < count; i++) {
			int id = ids[i];
			// Most tokens start nothing: the root's table is read here, without a call.
			int node = (id >= 0 && id < roots.length) ? roots[id] : -1;
			for (int j = i; node >= 0;) {
				int[] outputs = trie.outputs(node);
				if (outputs.length > 0) {
					int[] valid = valid(t, outputs, i, j + 1);
					if (valid.length > 0) {
						into.add(new Candidate(i, j + 1, valid, t));
					}
				}
				j++;
				if (j >= count || t.is(j, Tokens.PARAGRAPH_BEFORE)) {
					break;
				}
				node = trie.child(node, ids[j]);
			}
		}
	}

	private int[] valid(Tokens t, int[] outputs, int from, int to) {
		// A suffixed word without a capital ("polskiego" read as "polski") matches
		// nothing.
		for (int k = from; k < to; k++) {
			if (t.is(k, Tokens.SUFFIXED) && !t.is(k, Tokens.CAP)) {
				return NO_PATTERNS;
			}
		}
		if (this.valid.length < outputs.length) {
			this.valid = new int[outputs.length];
		}
		int[] valid = this.valid;
		int n = 0;
		boolean cap = t.is(from, Tokens.CAP);
		for (int p : outputs) {
			Gazetteer.Pattern pattern = this.g.patterns.get(p);
			boolean ok = switch (pattern.kind()) {
				case Gazetteer.ALIAS -> !"person".equals(this.g.entity(pattern.target()).type()) || cap;
				case Gazetteer.SURNAME -> cap;
				case Gazetteer.NEEDS_CONTEXT, Gazetteer.ROLE_BARE -> !pattern.capitalised() || cap;
				case Gazetteer.CAPITAL -> cap && saying(t, to);
				default -> true;
			};
			if (ok) {
				valid[n++] = p;
			}
		}
		// The trie's own array when all are valid: candidates never change theirs in
		// place (merge makes a new one).
		return (n == outputs.length) ? outputs : (n == 0) ? NO_PATTERNS : Arrays.copyOf(valid, n);
	}

	/** "Moscow said", "Warszawa zapowiada": the capital speaks for the government. */
	private boolean saying(Tokens t, int next) {
		return next < t.count && t.is(next, Tokens.WORD) && !t.is(next, Tokens.NEWLINE_BEFORE)
				&& this.g.cues.saying.contains(t.folded(next));
	}

	/** Longest first; of overlapping candidates the longer wins, then the earlier. */
	private static List<Candidate> select(List<Candidate> candidates, int tokens) {
		candidates.sort((a, b) -> {
			int byChars = Integer.compare(b.charEnd - b.charStart, a.charEnd - a.charStart);
			if (byChars != 0) {
				return byChars;
			}
			int byTokens = Integer.compare(b.to - b.from, a.to - a.from);
			return (byTokens != 0) ? byTokens : Integer.compare(a.from, b.from);
		});
		BitSet covered = new BitSet(tokens);
		List<Candidate> selected = new ArrayList<>();
		Candidate previous = null;
		for (Candidate c : candidates) {
			// Equal spans sort next to each other: one candidate with all their patterns.
			if (previous != null && previous.from == c.from && previous.to == c.to) {
				previous.merge(c.patterns);
				continue;
			}
			previous = null;
			int taken = covered.nextSetBit(c.from);
			if (taken < 0 || taken >= c.to) {
				covered.set(c.from, c.to);
				selected.add(c);
				previous = c;
			}
		}
		return selected;
	}

	/**
	 * "Dacian Fall 25", "BALTOPS 2024", "Zapad-2025": the edition of a recurring
	 * exercise.
	 */
	private void yearSuffix(Tokens t, Candidate c, Candidate[] startingAt) {
		boolean recurring = false;
		for (int p : c.patterns) {
			Gazetteer.Pattern pattern = this.g.patterns.get(p);
			if (pattern.kind() <= Gazetteer.NEEDS_CONTEXT && this.g.entity(pattern.target()).recurring()) {
				recurring = true;
			}
		}
		if (!recurring) {
			return;
		}
		int k = c.to;
		if (k < t.count && !t.is(k, Tokens.WORD) && !t.is(k, Tokens.SPACE_BEFORE)) {
			char mark = t.chars[t.start[k]];
			if (mark == '-' || mark == '\'') {
				k++;
			}
		}
		if (k < t.count && t.is(k, Tokens.DIGITS) && !t.is(k, Tokens.NEWLINE_BEFORE) && startingAt[k] == null) {
			if (yearLike(t.chars, t.start[k], t.end[k])) {
				c.to = k + 1;
				c.charEnd = t.base + t.end[k];
				c.year = true;
			}
		}
	}

	/** Two digits ("25") or a year of 19xx or 20xx ("2024"). */
	private static boolean yearLike(char[] chars, int from, int to) {
		for (int k = from; k < to; k++) {
			if (chars[k] < '0' || chars[k] > '9') {
				return false;
			}
		}
		int length = to - from;
		return length == 2 || (length == 4
				&& ((chars[from] == '1' && chars[from + 1] == '9') || (chars[from] == '2' && chars[from + 1] == '0')));
	}

}
