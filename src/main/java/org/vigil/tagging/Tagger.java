package org.vigil.tagging;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the entities a text names: candidates from multi-pattern matching over tokens
 * (longest match wins) and fuzzy person names ({@link CandidateFinder}), then
 * document-level decisions, one rule each: direct names, surnames, ambiguous names that
 * need support, capitals speaking for governments, names inside names, roles by date.
 *
 * <p>
 * A long document is read in chunks cut where no rule looks across ({@link ChunkCut}):
 * only its candidates are kept, and the rules then run over the whole document, so the
 * mentions are those of tagging it in one piece.
 */
final class Tagger {

	/**
	 * What the tagger knows about a text besides its words.
	 *
	 * @param date the publication date: roles resolve to whoever held them then (null:
	 * roles are not resolved)
	 * @param scopes scopes the text belongs to by its source ("NATO", "PL"), for bare
	 * role phrases
	 */
	record Context(LocalDate date, Set<String> scopes) {

		Context {
			scopes = (scopes == null) ? Set.of() : Set.copyOf(scopes);
		}

	}

	/** One mention of an entity, with character offsets into the text. */
	record Mention(int entity, int start, int end, String surface, float confidence, String resolvedBy) {

	}

	/** The rules, in the order each may rely on what the earlier ones found. */
	private static final List<ResolutionRule> RULES = List.of(new DirectNames(), new Surnames(), new SupportedAliases(),
			new SpeakingCapitals(), new NestedNames(), new RolesByDate());

	private static final int FLAGS_BEFORE = Tokens.SPACE_BEFORE | Tokens.NEWLINE_BEFORE | Tokens.PARAGRAPH_BEFORE;

	private Tagger() {
	}

	/** Tags a text held whole (an item). */
	static List<Mention> tag(Gazetteer gazetteer, String text, Context context) {
		List<Candidate> candidates = new ArrayList<>();
		Tokens tokens = Tokens.of(text, gazetteer);
		try {
			new CandidateFinder(gazetteer).find(tokens, true, candidates);
		}
		finally {
			tokens.release();
		}
		return resolve(gazetteer, candidates, context);
	}

	/** Tags a document read chunk by chunk; offsets are into the whole document. */
	static List<Mention> tag(Gazetteer gazetteer, TextChunks chunks, Context context) throws IOException {
		List<Candidate> candidates = new ArrayList<>();
		CandidateFinder finder = new CandidateFinder(gazetteer);
		int flagsBefore = 0;
		boolean atStart = true;
		while (chunks.fill()) {
			Tokens tokens = Tokens.of(chunks.chars(), chunks.ready(), chunks.base(), flagsBefore, atStart, gazetteer);
			try {
				int cut = finder.find(tokens, chunks.last(), candidates);
				if (cut < 0) {
					chunks.grow();
				}
				else if (cut == tokens.count) {
					chunks.consume(chunks.ready());
				}
				else {
					flagsBefore = tokens.flags[cut] & FLAGS_BEFORE;
					atStart = false;
					chunks.consume(tokens.start[cut]);
				}
			}
			finally {
				tokens.release();
			}
		}
		return resolve(gazetteer, candidates, context);
	}

	private static List<Mention> resolve(Gazetteer gazetteer, List<Candidate> candidates, Context context) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		Resolution resolution = new Resolution(gazetteer, context);
		for (ResolutionRule rule : RULES) {
			rule.apply(candidates, resolution);
		}
		return resolution.mentions();
	}

}
