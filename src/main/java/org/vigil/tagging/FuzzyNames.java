package org.vigil.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Person names written slightly differently from the gazetteer ("Kosiniak-Kamysz" as
 * "Kosiniak Kamysz", a missing diacritic, a typo): runs of capitalised words no match
 * covers, compared with every name variant by edit distance.
 */
final class FuzzyNames {

	private final Gazetteer g;

	/**
	 * Folded spans already looked up (names repeat within a document): a span is folded
	 * into {@link #foldBuf} and found here without a string of its own.
	 */
	private final Vocabulary seen = new Vocabulary();

	/**
	 * What each span of {@link #seen} found, by its id: {distance, person, ambiguous}.
	 */
	private final List<int[]> closest = new ArrayList<>();

	private char[] foldBuf = new char[64];

	/** Words of the current run already taken by a fuzzy name; reused across runs. */
	private boolean[] used = new boolean[8];

	FuzzyNames(Gazetteer g) {
		this.g = g;
	}

	/**
	 * Fuzzy person names among tokens before {@code limit}; removes from {@code selected}
	 * the surname-only candidates a fuzzy name overlaps.
	 */
	List<Candidate> find(Tokens t, int limit, List<Candidate> selected) {
		BitSet covered = new BitSet(limit);
		for (Candidate c : selected) {
			if (!c.onlySurnames(this.g)) {
				covered.set(c.from, c.to);
			}
		}
		List<Candidate> found = new ArrayList<>();
		int[] words = new int[8];
		int i = 0;
		while (i < limit) {
			if (!nameWord(t, i, covered)) {
				i++;
				continue;
			}
			words[0] = i;
			int count = 1;
			int k = i;
			while (true) {
				int next = k + 1;
				if (next + 1 < limit && !t.is(next, Tokens.WORD) && t.chars[t.start[next]] == '-'
						&& !t.is(next, Tokens.SPACE_BEFORE) && !t.is(next + 1, Tokens.SPACE_BEFORE)
						&& nameWord(t, next + 1, covered)) {
					k = next + 1;
				}
				else if (next < limit && nameWord(t, next, covered) && !t.is(next, Tokens.NEWLINE_BEFORE)) {
					k = next;
				}
				else {
					break;
				}
				if (count == words.length) {
					words = Arrays.copyOf(words, count * 2);
				}
				words[count++] = k;
			}
			run(t, words, count, found);
			i = k + 1;
		}
		if (!found.isEmpty()) {
			BitSet fuzzy = new BitSet(limit);
			for (Candidate f : found) {
				fuzzy.set(f.from, f.to);
			}
			selected.removeIf((c) -> {
				if (!c.onlySurnames(this.g)) {
					return false;
				}
				int hit = fuzzy.nextSetBit(c.from);
				return hit >= 0 && hit < c.to;
			});
		}
		return found;
	}

	/** A capitalised word, not in capitals, no match covers: one flag test for most. */
	private static boolean nameWord(Tokens t, int k, BitSet covered) {
		return (t.flags[k] & NAME_FLAGS) == (Tokens.WORD | Tokens.CAP) && !covered.get(k);
	}

	private static final int NAME_FLAGS = Tokens.WORD | Tokens.CAP | Tokens.UPPER;

	/**
	 * The longest unknown stretches of a run of name words that are a known name. Kept
	 * small, without boxing or lambdas, so that a cold JVM compiles it quickly; the rare
	 * look-up is a method of its own.
	 */
	private void run(Tokens t, int[] words, int n, List<Candidate> found) {
		boolean anyUnknown = false;
		for (int w = 0; w < n; w++) {
			anyUnknown |= t.folded[words[w]] < 0;
		}
		if (!anyUnknown) {
			return;
		}
		boolean[] used = this.used;
		if (used.length < n) {
			used = new boolean[n];
			this.used = used;
		}
		else {
			Arrays.fill(used, 0, n, false);
		}
		for (int length = Math.min(4, n); length >= 1; length--) {
			for (int a = 0; a + length <= n; a++) {
				int b = a + length - 1;
				boolean free = true;
				boolean unknown = false;
				int letters = 0;
				for (int w = a; w <= b; w++) {
					free &= !used[w];
					unknown |= t.folded[words[w]] < 0;
					letters += t.letters[words[w]];
				}
				if (free && unknown && letters >= 7 && match(t, words[a], words[b] + 1, letters, found)) {
					for (int w = a; w <= b; w++) {
						used[w] = true;
					}
				}
			}
		}
	}

	/** Adds a fuzzy person name for tokens {@code [from, to)} if they are one. */
	private boolean match(Tokens t, int from, int to, int letters, List<Candidate> found) {
		int spanFrom = t.start[from];
		int spanTo = t.end[to - 1];
		if (this.foldBuf.length < spanTo - spanFrom) {
			this.foldBuf = new char[Math.max(spanTo - spanFrom, this.foldBuf.length * 2)];
		}
		int length = Folding.foldInto(t.chars, spanFrom, spanTo, this.foldBuf);
		int seen = this.seen.find(this.foldBuf, length, Vocabulary.hash(this.foldBuf, length));
		int[] result;
		if (seen >= 0) {
			result = this.closest.get(seen);
		}
		else {
			String folded = new String(this.foldBuf, 0, length);
			result = closestPerson(folded, (letters >= 10) ? 2 : 1);
			this.seen.add(folded);
			this.closest.add(result);
		}
		if (result[1] < 0 || result[2] != 0 || result[0] <= 0) {
			return false;
		}
		Candidate c = new Candidate(from, to, new int[0], t);
		c.fuzzyPerson = result[1];
		c.edits = result[0];
		found.add(c);
		return true;
	}

	/** {distance, person, ambiguous} of the closest person name within maxEdits. */
	private int[] closestPerson(String folded, int maxEdits) {
		int best = maxEdits + 1;
		int bestPerson = -1;
		boolean ambiguous = false;
		long mask = Gazetteer.FuzzyName.mask(folded);
		for (Gazetteer.FuzzyName name : this.g.fuzzyNames.getOrDefault(folded.charAt(0), List.of())) {
			if (Math.abs(name.folded().length() - folded.length()) > maxEdits
					|| Long.bitCount(name.mask() ^ mask) > 2 * maxEdits) {
				continue;
			}
			int d = distance(folded, name.folded(), maxEdits);
			if (d < best) {
				best = d;
				bestPerson = name.person();
				ambiguous = false;
			}
			else if (d == best && name.person() != bestPerson) {
				ambiguous = true;
			}
		}
		return new int[] { best, bestPerson, ambiguous ? 1 : 0 };
	}

	/** Levenshtein distance, or max + 1 once it must exceed max. */
	static int distance(String a, String b, int max) {
		int n = a.length();
		int m = b.length();
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			current[0] = i;
			int rowMin = current[0];
			char ca = a.charAt(i - 1);
			for (int j = 1; j <= m; j++) {
				int cost = (ca == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
				rowMin = Math.min(rowMin, current[j]);
			}
			if (rowMin > max) {
				return max + 1;
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return Math.min(previous[m], max + 1);
	}

}
