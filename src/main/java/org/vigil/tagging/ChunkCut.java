package org.vigil.tagging;

import java.util.BitSet;
import java.util.List;

/**
 * Where a chunk of a long document may end so that tagging the chunks one by one finds
 * exactly what tagging the whole document would: at a paragraph break that no rule looks
 * across.
 *
 * <p>
 * Matches, fuzzy names, year suffixes and "shouting" never cross a paragraph break. Two
 * rules read further: a list ("Poland, Romania\n\nand Turkey") runs across separator
 * tokens, so neither token at the break may be one; the words that support an ambiguous
 * name lie within eight tokens of it, so no candidate may lie within {@link #REACH}
 * tokens of the break. Both sides of the break must be complete in the chunk: another
 * paragraph break at least {@code REACH} tokens later.
 */
final class ChunkCut {

	/** Eight tokens of context, two of a year suffix, and a margin. */
	static final int REACH = 12;

	private ChunkCut() {
	}

	/**
	 * The token the next chunk starts with, or -1 when the chunk has no such break (the
	 * chunk must grow).
	 * @param candidates every candidate the tries found in the chunk
	 */
	static int find(Tokens t, List<Candidate> candidates, Cues cues) {
		BitSet near = new BitSet(t.count);
		for (Candidate c : candidates) {
			near.set(Math.max(0, c.from - REACH), Math.min(t.count, c.to + REACH));
		}
		int complete = -1;
		for (int p = t.count - 1; p > 0; p--) {
			if (!t.is(p, Tokens.PARAGRAPH_BEFORE)) {
				continue;
			}
			if (complete < 0) {
				// The last paragraph may continue in the next chunk: never cut before it.
				complete = p;
			}
			else if (p + REACH <= complete && !near.get(p) && !separator(t, p - 1, cues) && !separator(t, p, cues)) {
				return p;
			}
		}
		return -1;
	}

	private static boolean separator(Tokens t, int k, Cues cues) {
		return cues.listSeparators.contains(t.folded(k));
	}

}
