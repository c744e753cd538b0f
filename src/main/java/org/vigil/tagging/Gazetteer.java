package org.vigil.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, compiled snapshot of the gazetteer: token vocabularies, tries of aliases
 * and role phrases, holders of each role, and the name variants fuzzy matching compares
 * against. Built once from {@link GazetteerData}; tagging only reads it.
 */
final class Gazetteer {

	static final byte ALIAS = 0;

	static final byte EXACT = 1;

	static final byte NEEDS_CONTEXT = 2;

	static final byte SURNAME = 3;

	static final byte CAPITAL = 4;

	static final byte ROLE = 5;

	static final byte ROLE_BARE = 6;

	/** What a trie path stands for. */
	record Pattern(byte kind, int target, boolean capitalised, int tokenCount) {

	}

	/** A person's name variant for fuzzy matching, folded. */
	record FuzzyName(String folded, int letters, int person, long mask) {

		/** Which letters and digits occur: a cheap lower bound on the edit distance. */
		static long mask(String folded) {
			long mask = 0;
			for (int i = 0; i < folded.length(); i++) {
				mask |= 1L << (folded.charAt(i) & 63);
			}
			return mask;
		}

	}

	/** A holder of a role over a period. */
	record Holder(int person, GazetteerData.Role role) {

	}

	final List<GazetteerData.Entity> entities;

	final List<GazetteerData.RolePhrase> rolePhrases;

	final Vocabulary foldedVocabulary = new Vocabulary();

	final Vocabulary exactVocabulary = new Vocabulary();

	/**
	 * Lower-case words inside exact aliases ("SAFE programme"): the only lower-case words
	 * worth looking up in {@link #exactVocabulary}. Small, so most lookups miss in cache.
	 */
	final Vocabulary exactLowercase = new Vocabulary();

	/**
	 * By folded token id, whether a word of {@link #exactLowercase} folds to that token:
	 * a lower-case word of a text is looked up there only then. Null when such a word
	 * folds to no known token, and every lower-case word must be looked up.
	 */
	private final boolean[] exactLowercaseFolds;

	final TokenTrie foldedTrie = new TokenTrie();

	final TokenTrie exactTrie = new TokenTrie();

	final List<Pattern> patterns = new ArrayList<>();

	final Map<String, List<Holder>> holders = new HashMap<>();

	/** Fuzzy name variants by their first folded letter. */
	final Map<Character, List<FuzzyName>> fuzzyNames = new HashMap<>();

	/** Entity index by "type/key". */
	final Map<String, Integer> byKey = new HashMap<>();

	final long version;

	/** The words around a name that the tagger's rules read (db/gazetteer/cues.yaml). */
	final Cues cues = Cues.shipped();

	Gazetteer(GazetteerData data, long version) {
		this.version = version;
		this.entities = List.copyOf(data.entities());
		this.rolePhrases = List.copyOf(data.rolePhrases());
		for (int e = 0; e < this.entities.size(); e++) {
			GazetteerData.Entity entity = this.entities.get(e);
			this.byKey.put(entity.type() + "/" + entity.key(), e);
			boolean person = "person".equals(entity.type());
			for (GazetteerData.Alias alias : entity.aliases()) {
				byte kind = switch (alias.match()) {
					case GazetteerData.EXACT -> EXACT;
					case GazetteerData.NEEDS_CONTEXT -> NEEDS_CONTEXT;
					case GazetteerData.SURNAME -> SURNAME;
					case GazetteerData.CAPITAL -> CAPITAL;
					default -> ALIAS;
				};
				add(alias.text(), kind, e);
				if (person && (kind == ALIAS || kind == SURNAME)) {
					addFuzzy(alias.text(), e);
				}
			}
			for (GazetteerData.Role role : entity.roles()) {
				this.holders.computeIfAbsent(role.role(), (r) -> new ArrayList<>()).add(new Holder(e, role));
			}
		}
		for (int p = 0; p < this.rolePhrases.size(); p++) {
			GazetteerData.RolePhrase phrase = this.rolePhrases.get(p);
			add(phrase.phrase(), phrase.bare() ? ROLE_BARE : ROLE, p);
		}
		this.foldedTrie.freeze();
		this.exactTrie.freeze();
		this.exactLowercaseFolds = foldsOf(this.exactLowercase);
	}

	private boolean[] foldsOf(Vocabulary words) {
		boolean[] folds = new boolean[this.foldedVocabulary.size()];
		for (int word = 0; word < words.size(); word++) {
			List<String> folded = PhraseTokens.folded(words.token(word));
			int id = (folded.size() == 1) ? this.foldedVocabulary.find(folded.get(0)) : -1;
			if (id < 0) {
				return null;
			}
			folds[id] = true;
		}
		return folds;
	}

	static Gazetteer of(GazetteerData data) {
		return new Gazetteer(data, 0);
	}

	private void add(String text, byte kind, int target) {
		boolean exact = kind == EXACT;
		List<String> tokens = exact ? PhraseTokens.exact(text) : PhraseTokens.folded(text);
		if (tokens.isEmpty()) {
			return;
		}
		// A leading article in a phrase ("the Secretary General") is matched without it.
		if (tokens.size() > 1 && !exact && "the".equals(tokens.get(0))) {
			tokens = tokens.subList(1, tokens.size());
		}
		Vocabulary vocabulary = exact ? this.exactVocabulary : this.foldedVocabulary;
		int[] ids = new int[tokens.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = vocabulary.add(tokens.get(i));
			if (exact && tokens.get(i).chars().noneMatch((c) -> Character.isUpperCase(c) || Character.isDigit(c))) {
				this.exactLowercase.add(tokens.get(i));
			}
		}
		String stripped = text.strip();
		boolean capitalised = !stripped.isEmpty() && Character.isUpperCase(firstLetter(text));
		int pattern = this.patterns.size();
		this.patterns.add(new Pattern(kind, target, capitalised, ids.length));
		(exact ? this.exactTrie : this.foldedTrie).add(ids, pattern);
	}

	private static char firstLetter(String text) {
		String stripped = text.strip();
		if (stripped.regionMatches(true, 0, "the ", 0, 4)) {
			stripped = stripped.substring(4).strip();
		}
		return stripped.isEmpty() ? ' ' : stripped.charAt(0);
	}

	private void addFuzzy(String alias, int person) {
		String folded = Folding.fold(alias);
		int letters = 0;
		for (int i = 0; i < folded.length(); i++) {
			if (Character.isLetter(folded.charAt(i))) {
				letters++;
			}
		}
		if (letters < 7) {
			return;
		}
		this.fuzzyNames.computeIfAbsent(folded.charAt(0), (c) -> new ArrayList<>())
			.add(new FuzzyName(folded, letters, person, FuzzyName.mask(folded)));
	}

	/**
	 * Whether a lower-case word, {@code foldedId} once folded (-1: unknown), may be a
	 * word of the exact aliases: most are not, and are not looked up.
	 */
	boolean mayBeExactLowercase(int foldedId) {
		boolean[] folds = this.exactLowercaseFolds;
		return folds == null || (foldedId >= 0 && folds[foldedId]);
	}

	GazetteerData.Entity entity(int index) {
		return this.entities.get(index);
	}

	int entityCount() {
		return this.entities.size();
	}

}
