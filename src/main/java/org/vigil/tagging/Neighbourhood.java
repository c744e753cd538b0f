package org.vigil.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	private final Map<Integer, Candidate> startingAt;

	private final Map<Integer, Candidate> endingAt;

	Neighbourhood(Gazetteer g, Tokens t, Map<Integer, Candidate> startingAt, Map<Integer, Candidate> endingAt) {
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
		Map<Integer, List<Candidate>> byStart = null;
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
				if (byStart == null) {
					byStart = byStart(all);
				}
				c.inner = inner(c, byStart);
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
				&& !this.startingAt.containsKey(k);
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
			c.previousInList = this.endingAt.get(k + 1);
		}
		k = c.to;
		skipped = 0;
		while (k < this.t.count && skipped < 3 && separator(k)) {
			k++;
			skipped++;
		}
		if (skipped > 0 && k < this.t.count) {
			c.nextInList = this.startingAt.get(k);
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

	private Map<Integer, List<Candidate>> byStart(List<Candidate> all) {
		Map<Integer, List<Candidate>> byStart = new HashMap<>();
		for (Candidate candidate : all) {
			byStart.computeIfAbsent(candidate.from, (k) -> new ArrayList<>(2)).add(candidate);
		}
		return byStart;
	}

	/** Candidates (selected or not) that start inside c. */
	private List<Candidate> inner(Candidate c, Map<Integer, List<Candidate>> byStart) {
		List<Candidate> inner = new ArrayList<>();
		for (int k = c.from; k < c.to && k < this.t.count; k++) {
			List<Candidate> starting = byStart.get(k);
			if (starting != null) {
				for (Candidate candidate : starting) {
					if (candidate.surface == null) {
						candidate.surface = surface(candidate);
					}
					inner.add(candidate);
				}
			}
		}
		return inner;
	}

}
