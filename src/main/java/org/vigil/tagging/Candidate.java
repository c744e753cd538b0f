package org.vigil.tagging;

import java.util.Arrays;
import java.util.List;

/**
 * A span of tokens the tries matched (or a fuzzy person name), what it may stand for, and
 * what its neighbourhood in the text says: all the resolution rules need once the text's
 * tokens are gone, so a long document is tagged chunk by chunk and resolved as a whole.
 */
final class Candidate {

	/** Token span within its chunk: first token, and the one after the last. */
	final int from;

	int to;

	int[] patterns;

	/** Char span within the document. */
	final int charStart;

	int charEnd;

	final boolean suffixed;

	/** Extended by a year ("BALTOPS 2024"): the edition of a recurring exercise. */
	boolean year;

	int fuzzyPerson = -1;

	int edits;

	/** The span's text; set for candidates a rule may report. */
	String surface;

	/** A one-token acronym among upper-case words ("NATO MULTIMEDIA ACCOUNT"). */
	boolean shouting;

	/** The selected candidate across one to three list separators before this one. */
	Candidate previousInList;

	/** The selected candidate across one to three list separators after this one. */
	Candidate nextInList;

	/** {@link Cues#contextsOf} the words within eight tokens of the span. */
	int contexts;

	/** Candidates (selected or not) starting inside this one, for names inside names. */
	List<Candidate> inner = List.of();

	Candidate(int from, int to, int[] patterns, Tokens tokens) {
		this.from = from;
		this.to = to;
		this.patterns = patterns;
		this.charStart = tokens.base + tokens.start[from];
		this.charEnd = tokens.base + tokens.end[to - 1];
		boolean anySuffixed = false;
		for (int k = from; k < to; k++) {
			anySuffixed |= tokens.is(k, Tokens.SUFFIXED);
		}
		this.suffixed = anySuffixed;
	}

	void merge(int[] more) {
		int[] merged = Arrays.copyOf(this.patterns, this.patterns.length + more.length);
		System.arraycopy(more, 0, merged, this.patterns.length, more.length);
		this.patterns = merged;
	}

	boolean onlySurnames(Gazetteer g) {
		if (this.fuzzyPerson >= 0 || this.patterns.length == 0) {
			return false;
		}
		for (int p : this.patterns) {
			if (g.patterns.get(p).kind() != Gazetteer.SURNAME) {
				return false;
			}
		}
		return true;
	}

	boolean hasPattern(Gazetteer g, byte kind) {
		for (int p : this.patterns) {
			if (g.patterns.get(p).kind() == kind) {
				return true;
			}
		}
		return false;
	}

}
