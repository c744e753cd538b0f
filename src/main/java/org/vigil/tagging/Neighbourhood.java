package org.vigil.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Notes on each selected candidate what the rules will ask of the tokens around it — its
 * text, whether it is an acronym among shouted words, its neighbours across list
 * separators, the context words nearby, the names inside it — so the rules can run after
 * the chunk's tokens are released.
 */
final class Neighbourhood {

	/** Tokens either side whose words support an ambiguous name. */
	static final int CONTEXT_TOKENS = 8;

	private final Gazetteer g;

	private final Tokens t;

	/** The selected candidate starting at each token (null: none). */
	private final Candidate[] startingAt;

	/** The selected candidate ending before each token (null: none). */
	private final Candidate[] endingAt;

	/**
	 * The first candidate (an index into the chunk's candidates) starting at each token,
	 * -1 for none; all -1 between chunks.
	 */
	private final int[] firstAt;

	/**
	 * The next candidate starting at the same token, -1 after the last (as long as the
	 * chunk's candidates at least).
	 */
	private final int[] nextAt;

	Neighbourhood(Gazetteer g, Tokens t, Candidate[] startingAt, Candidate[] endingAt, int[] firstAt, int[] nextAt) {
		this.firstAt = firstAt;
		this.nextAt = nextAt;
		this.g = g;
		this.t = t;
		this.startingAt = startingAt;
		this.endingAt = endingAt;
	}

	/**
	 * @param selected the chunk's selected candidates, in text order
	 * @param all every candidate of the chunk, in selection order
	 */
	void describe(List<Candidate> selected, List<Candidate> all) {
		boolean indexed = false;
		for (Candidate c : selected) {
			c.surface = surface(c);
			if (c.to - c.from == 1) {
				c.shouting = shouting(c.from);
			}
			if (mayNeedSupport(c)) {
				listed(c);
				c.contexts = contexts(c, wantedContexts(c));
			}
			if (NestedNames.holdsNames(this.g, c)) {
				if (!indexed) {
					indexByStart(all);
					indexed = true;
				}
				c.inner = inner(c, all);
			}
		}
		if (indexed) {
			for (Candidate candidate : all) {
				this.firstAt[candidate.from] = -1;
			}
		}
	}

	private String surface(Candidate c) {
		return this.t.substring(c.charStart - this.t.base, c.charEnd - this.t.base);
	}

	/** Patterns that {@link SupportedAliases} decides on. */
	private boolean mayNeedSupport(Candidate c) {
		return c.hasPattern(this.g, Gazetteer.NEEDS_CONTEXT) || (c.shouting && c.hasPattern(this.g, Gazetteer.EXACT));
	}

	/**
	 * Shouting text ("NATO MULTIMEDIA ACCOUNT", "KEEP EUROPE SAFE"): acronyms prove
	 * little.
	 */
	private boolean shouting(int token) {
		return (!this.t.is(token, Tokens.NEWLINE_BEFORE) && upperWord(token - 1))
				|| (token + 1 < this.t.count && !this.t.is(token + 1, Tokens.NEWLINE_BEFORE) && upperWord(token + 1));
	}

	private boolean upperWord(int k) {
		return k >= 0 && k < this.t.count && this.t.is(k, Tokens.UPPER) && this.t.letters[k] >= 3
				&& this.startingAt[k] == null;
	}

	/** "Poland, Romania and Turkey": the candidates across separators either side. */
	private void listed(Candidate c) {
		int k = c.from - 1;
		int skipped = 0;
		while (k >= 0 && skipped < 3 && separator(k)) {
			k--;
			skipped++;
		}
		if (skipped > 0 && k >= 0) {
			c.previousInList = this.endingAt[k + 1];
		}
		k = c.to;
		skipped = 0;
		while (k < this.t.count && skipped < 3 && separator(k)) {
			k++;
			skipped++;
		}
		if (skipped > 0 && k < this.t.count) {
			c.nextInList = this.startingAt[k];
		}
	}

	private boolean separator(int k) {
		return this.g.cues.listSeparators.contains(this.t.folded(k));
	}

	/** The contexts that could support one of the candidate's ambiguous names. */
	private int wantedContexts(Candidate c) {
		int wanted = 0;
		for (int p : c.patterns) {
			Gazetteer.Pattern pattern = this.g.patterns.get(p);
			if (pattern.kind() == Gazetteer.NEEDS_CONTEXT || pattern.kind() == Gazetteer.EXACT) {
				wanted |= this.g.cues.contextOf(this.g.entity(pattern.target()));
			}
		}
		return wanted;
	}

	/** Which of the wanted contexts the words near the candidate have. */
	private int contexts(Candidate c, int wanted) {
		int bits = 0;
		for (int k = Math.max(0, c.from - CONTEXT_TOKENS); k < Math.min(this.t.count, c.to + CONTEXT_TOKENS)
				&& bits != wanted; k++) {
			if ((k < c.from || k >= c.to) && this.t.is(k, Tokens.WORD)) {
				bits |= this.g.cues.contextsOf(this.t.folded(k), wanted);
			}
		}
		return bits;
	}

	/**
	 * Chains the candidates by first token, in the order of {@code all}: the first at
	 * {@link #firstAt}, each one's next in {@link #nextAt}.
	 */
	private void indexByStart(List<Candidate> all) {
		int[] firstAt = this.firstAt;
		int[] nextAt = this.nextAt;
		for (int i = all.size() - 1; i >= 0; i--) {
			int from = all.get(i).from;
			nextAt[i] = firstAt[from];
			firstAt[from] = i;
		}
	}

	/** Candidates (selected or not) that start inside c. */
	private List<Candidate> inner(Candidate c, List<Candidate> all) {
		List<Candidate> inner = new ArrayList<>();
		for (int k = c.from; k < c.to && k < this.t.count; k++) {
			for (int i = this.firstAt[k]; i >= 0; i = this.nextAt[i]) {
				Candidate candidate = all.get(i);
				if (candidate.surface == null) {
					candidate.surface = surface(candidate);
				}
				inner.add(candidate);
			}
		}
		return inner;
	}

}
