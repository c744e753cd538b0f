package org.vigil.tagging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the entities a text names: multi-pattern matching over tokens (longest match
 * wins), then document-level decisions — ambiguous aliases that need support, surnames,
 * fuzzy person names, roles resolved by date, and nested country mentions.
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

	private static final Set<String> SAYING = Set.of("said", "says", "say", "stated", "announced", "announces",
			"warned", "warns", "claimed", "claims", "insisted", "insists", "denied", "denies", "accused", "accuses",
			"responded", "reacted", "demanded", "demands", "threatened", "threatens", "rejected", "rejects", "wants",
			"argued", "argues", "believes", "confirmed", "confirms", "condemned", "condemns", "protested", "vowed",
			"urged", "urges", "hopes", "expects", "fears", "retaliated", "twierdzi", "zapowiada", "oglosila",
			"ostrzega", "oswiadczyla", "zapowiedziala", "przekonuje", "zada", "declara", "anunta", "avertizeaza",
			"sustine", "erklarte", "sagte", "warnte", "betonte", "fordert", "forderte", "affirme", "annonce", "declare",
			"accuse", "menace", "exige");

	private static final Set<String> LIST_SEPARATORS = Set.of(",", "and", "or", "&", "/", "i", "oraz", "lub", "si",
			"sau", "und", "oder", "et", "ou", "as", "well");

	private static final String[] WEAPON_CONTEXT = { "system", "missil", "batter", "launch", "tank", "howitz", "vehic",
			"aircraft", "jet", "fighter", "helicop", "drone", "dron", "rocket", "rakiet", "rachet", "intercept", "ifv",
			"frigat", "fregat", "ship", "submarin", "artiller", "artyler", "armou", "armor", "munition", "ammunit",
			"amunic", "czolg", "smiglow", "wyrzutn", "bateri", "haubic", "samolot", "mysliw", "sistem", "tanc",
			"avioan", "elicopt", "panzer", "flugabw", "raket", "hubschr", "kampfjet", "blind", "avion", "chasseur",
			"obus", "bomber", "air", "procure", "purchas", "deliver", "order", "contract", "zakup", "dostaw",
			"kontrakt", "achizit", "livrar" };

	private static final String[] EXERCISE_CONTEXT = { "exercis", "exercit", "cwicz", "manoeuv", "maneuv", "manevr",
			"drill", "ubung", "operat", "operac", "mission", "misj", "misiun", "troops", "wojsk" };

	private static final String[] COMPANY_CONTEXT = { "compan", "group", "concern", "firm", "contract", "manufactur",
			"industr", "spolk", "koncern", "producent", "firma", "compani", "unternehm", "konzern", "societe",
			"entrepris", "defen", "arms", "zbroj", "maker", "build", "produc", "ceo", "shipyard", "stocz", "santier",
			"werft" };

	private static final String[] MEDIA_CONTEXT = { "report", "wrote", "writes", "according", "told", "interview",
			"newspaper", "daily", "agency", "dziennik", "gazet", "podal", "pisze", "wedlug", "relat", "zeitung",
			"magazin", "journal", "cited", "quoted", "scris", "potrivit", "berichtet", "selon", "news" };

	private static final int[] NO_PATTERNS = new int[0];

	private Tagger() {
	}

	static List<Mention> tag(Gazetteer gazetteer, String text, Context context) {
		Run run = new Run(gazetteer, text, context);
		try {
			return run.run();
		}
		finally {
			run.t.release();
		}
	}

	/** One tagging run over one text. */
	private static final class Run {

		private final Gazetteer g;

		private final Tokens t;

		private final Context context;

		private final List<Candidate> candidates = new ArrayList<>();

		private final List<Mention> mentions = new ArrayList<>();

		/** 0: not found, 1: named directly (alias, fuzzy, surname), 2: accepted. */
		private final byte[] found;

		// Selected candidates by first token and by the token after their last. Maps, not
		// arrays over all tokens: candidates are few, and a 1 MB text would need two
		// arrays of a megabyte each.
		private final Map<Integer, Candidate> startingAt = new HashMap<>();

		private final Map<Integer, Candidate> endingAt = new HashMap<>();

		Run(Gazetteer gazetteer, String text, Context context) {
			this.g = gazetteer;
			this.t = Tokens.of(text, gazetteer.foldedVocabulary, gazetteer.exactVocabulary, gazetteer.exactLowercase);
			this.context = context;
			this.found = new byte[gazetteer.entityCount()];
		}

		List<Mention> run() {
			collect(this.g.foldedTrie, this.t.folded, false);
			collect(this.g.exactTrie, this.t.exact, true);
			if (this.candidates.isEmpty() && !mayHaveFuzzy()) {
				return List.of();
			}
			List<Candidate> selected = select();
			selected.addAll(fuzzy(selected));
			selected.sort(Comparator.comparingInt((Candidate c) -> c.from));
			for (Candidate c : selected) {
				this.startingAt.put(c.from, c);
				this.endingAt.put(c.to, c);
				yearSuffix(c);
			}
			resolve(selected);
			// Duplicates (the same entity over the same span) keep the best confidence.
			this.mentions.sort((a, b) -> (a.start() != b.start()) ? Integer.compare(a.start(), b.start())
					: (a.end() != b.end()) ? Integer.compare(a.end(), b.end()) : (a.entity() != b.entity())
							? Integer.compare(a.entity(), b.entity()) : Float.compare(b.confidence(), a.confidence()));
			List<Mention> result = new ArrayList<>(this.mentions.size());
			for (Mention m : this.mentions) {
				Mention last = result.isEmpty() ? null : result.get(result.size() - 1);
				if (last == null || last.start() != m.start() || last.end() != m.end() || last.entity() != m.entity()) {
					result.add(m);
				}
			}
			return result;
		}

		private boolean mayHaveFuzzy() {
			return !this.g.fuzzyNames.isEmpty();
		}

		// ------------------------------------------------------------ candidates

		private void collect(TokenTrie trie, int[] ids, boolean exact) {
			int count = this.t.count;
			for (int i = 0; i < count; i++) {
				int node = trie.child(TokenTrie.ROOT, ids[i]);
				for (int j = i; node >= 0;) {
					int[] outputs = trie.outputs(node);
					if (outputs.length > 0) {
						int[] valid = valid(outputs, i, j + 1);
						if (valid.length > 0) {
							this.candidates.add(new Candidate(i, j + 1, valid, exact, this.t));
						}
					}
					j++;
					if (j >= count || this.t.is(j, Tokens.PARAGRAPH_BEFORE)) {
						break;
					}
					node = trie.child(node, ids[j]);
				}
			}
		}

		private int[] valid(int[] outputs, int from, int to) {
			// A suffixed word without a capital ("polskiego" read as "polski") matches
			// nothing.
			if (suffixedWithoutCapital(from, to)) {
				return NO_PATTERNS;
			}
			int[] valid = new int[outputs.length];
			int n = 0;
			boolean cap = this.t.is(from, Tokens.CAP);
			for (int p : outputs) {
				Gazetteer.Pattern pattern = this.g.patterns.get(p);
				boolean ok = switch (pattern.kind()) {
					case Gazetteer.ALIAS -> !isPerson(pattern.target()) || cap;
					case Gazetteer.SURNAME -> cap;
					case Gazetteer.NEEDS_CONTEXT, Gazetteer.ROLE_BARE -> !pattern.capitalised() || cap;
					case Gazetteer.CAPITAL -> cap && saying(to);
					default -> true;
				};
				if (ok) {
					valid[n++] = p;
				}
			}
			return Arrays.copyOf(valid, n);
		}

		private boolean suffixedWithoutCapital(int from, int to) {
			for (int k = from; k < to; k++) {
				if (this.t.is(k, Tokens.SUFFIXED) && !this.t.is(k, Tokens.CAP)) {
					return true;
				}
			}
			return false;
		}

		/** "Moscow said", "Warszawa zapowiada": the capital speaks for the government. */
		private boolean saying(int next) {
			return next < this.t.count && this.t.is(next, Tokens.WORD) && !this.t.is(next, Tokens.NEWLINE_BEFORE)
					&& SAYING.contains(this.t.folded(next));
		}

		private boolean isPerson(int entity) {
			return "person".equals(this.g.entity(entity).type());
		}

		private List<Candidate> select() {
			this.candidates.sort((a, b) -> {
				int byChars = Integer.compare(b.charEnd - b.charStart, a.charEnd - a.charStart);
				if (byChars != 0) {
					return byChars;
				}
				int byTokens = Integer.compare(b.to - b.from, a.to - a.from);
				return (byTokens != 0) ? byTokens : Integer.compare(a.from, b.from);
			});
			BitSet covered = new BitSet(this.t.count);
			List<Candidate> selected = new ArrayList<>();
			Candidate previous = null;
			for (Candidate c : this.candidates) {
				// Equal spans sort next to each other: one candidate with all their
				// patterns.
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
		private void yearSuffix(Candidate c) {
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
			if (k < this.t.count && !this.t.is(k, Tokens.WORD) && !this.t.is(k, Tokens.SPACE_BEFORE)) {
				char mark = this.t.text.charAt(this.t.start[k]);
				if (mark == '-' || mark == '\'') {
					k++;
				}
			}
			if (k < this.t.count && this.t.is(k, Tokens.DIGITS) && !this.t.is(k, Tokens.NEWLINE_BEFORE)
					&& !this.startingAt.containsKey(k)) {
				String digits = this.t.surface(k);
				if (digits.matches("\\d{2}|(19|20)\\d{2}")) {
					c.to = k + 1;
					c.charEnd = this.t.end[k];
					c.year = true;
				}
			}
		}

		// ------------------------------------------------------------ fuzzy names

		private List<Candidate> fuzzy(List<Candidate> selected) {
			int count = this.t.count;
			BitSet covered = new BitSet(count);
			for (Candidate c : selected) {
				if (!c.onlySurnames(this.g)) {
					covered.set(c.from, c.to);
				}
			}
			List<Candidate> found = new ArrayList<>();
			int i = 0;
			while (i < count) {
				if (!nameWord(i, covered)) {
					i++;
					continue;
				}
				List<Integer> words = new ArrayList<>();
				words.add(i);
				int k = i;
				while (true) {
					int next = k + 1;
					if (next + 1 < count && !this.t.is(next, Tokens.WORD)
							&& this.t.text.charAt(this.t.start[next]) == '-' && !this.t.is(next, Tokens.SPACE_BEFORE)
							&& !this.t.is(next + 1, Tokens.SPACE_BEFORE) && nameWord(next + 1, covered)) {
						k = next + 1;
					}
					else if (next < count && nameWord(next, covered) && !this.t.is(next, Tokens.NEWLINE_BEFORE)) {
						k = next;
					}
					else {
						break;
					}
					words.add(k);
				}
				fuzzyRun(words, found, selected);
				i = k + 1;
			}
			if (!found.isEmpty()) {
				BitSet fuzzy = new BitSet(count);
				for (Candidate f : found) {
					fuzzy.set(f.from, f.to);
				}
				selected.removeIf((c) -> {
					if (!c.onlySurnames(this.g)) {
						return false;
					}
					for (int k = c.from; k < c.to; k++) {
						if (fuzzy.get(k)) {
							return true;
						}
					}
					return false;
				});
			}
			return found;
		}

		private boolean nameWord(int k, BitSet covered) {
			return this.t.is(k, Tokens.WORD) && this.t.is(k, Tokens.CAP) && !covered.get(k)
					&& !this.t.is(k, Tokens.UPPER);
		}

		private void fuzzyRun(List<Integer> words, List<Candidate> found, List<Candidate> selected) {
			boolean anyUnknown = false;
			for (int w : words) {
				anyUnknown |= this.t.folded[w] < 0;
			}
			if (!anyUnknown) {
				return;
			}
			int n = words.size();
			boolean[] used = new boolean[n];
			for (int length = Math.min(4, n); length >= 1; length--) {
				for (int a = 0; a + length <= n; a++) {
					int b = a + length - 1;
					boolean free = true;
					boolean unknown = false;
					for (int w = a; w <= b; w++) {
						free &= !used[w];
						unknown |= this.t.folded[words.get(w)] < 0;
					}
					if (!free || !unknown) {
						continue;
					}
					int from = words.get(a);
					int to = words.get(b) + 1;
					String folded = Folding.fold(this.t.text.substring(this.t.start[from], this.t.end[to - 1]));
					int letters = 0;
					for (int w = a; w <= b; w++) {
						letters += this.t.letters[words.get(w)];
					}
					if (letters < 7) {
						continue;
					}
					int maxEdits = (letters >= 10) ? 2 : 1;
					int[] result = this.fuzzyCache.computeIfAbsent(folded, (key) -> closestPerson(key, maxEdits));
					int best = result[0];
					int bestPerson = result[1];
					boolean ambiguous = result[2] != 0;
					if (bestPerson >= 0 && !ambiguous && best > 0) {
						Candidate c = new Candidate(from, to, new int[0], false, this.t);
						c.fuzzyPerson = bestPerson;
						c.edits = best;
						found.add(c);
						for (int w = a; w <= b; w++) {
							used[w] = true;
						}
					}
				}
			}
		}

		private final java.util.Map<String, int[]> fuzzyCache = new java.util.HashMap<>();

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

		// ------------------------------------------------------------ decisions

		private void resolve(List<Candidate> selected) {
			List<int[]> pending = new ArrayList<>();
			// 1. Direct names: aliases, exact acronyms (unless the text is shouting),
			// fuzzy
			// names.
			for (int ci = 0; ci < selected.size(); ci++) {
				Candidate c = selected.get(ci);
				if (c.fuzzyPerson >= 0) {
					add(c, c.fuzzyPerson, (c.edits == 1) ? 0.7f : 0.6f, "fuzzy");
					this.found[c.fuzzyPerson] = 1;
					continue;
				}
				for (int p : c.patterns) {
					Gazetteer.Pattern pattern = this.g.patterns.get(p);
					if (pattern.kind() == Gazetteer.ALIAS
							|| (pattern.kind() == Gazetteer.EXACT && !(c.to - c.from == 1 && shouting(c.from)))) {
						float confidence = c.suffixed ? 0.85f : 1f;
						add(c, pattern.target(), c.year ? 0.95f : confidence, c.year ? "pattern" : "alias");
						this.found[pattern.target()] = 1;
					}
					else if (pattern.kind() == Gazetteer.EXACT || pattern.kind() == Gazetteer.NEEDS_CONTEXT) {
						pending.add(new int[] { ci, pattern.target() });
					}
				}
			}
			// 2. Surnames: the person named in full in this text, else the only one by
			// that
			// name.
			for (Candidate c : selected) {
				Set<Integer> people = new LinkedHashSet<>();
				for (int p : c.patterns) {
					Gazetteer.Pattern pattern = this.g.patterns.get(p);
					if (pattern.kind() == Gazetteer.SURNAME) {
						people.add(pattern.target());
					}
				}
				if (people.isEmpty()) {
					continue;
				}
				List<Integer> named = people.stream().filter((e) -> this.found[e] != 0).toList();
				if (named.size() == 1) {
					add(c, named.get(0), 0.9f, "surname");
				}
				else if (named.isEmpty() && people.size() == 1) {
					int person = people.iterator().next();
					add(c, person, 0.75f, "surname");
					this.found[person] = 2;
				}
			}
			// 3. Ambiguous aliases: only with support in the text.
			for (int round = 0; round < 2 && !pending.isEmpty(); round++) {
				List<int[]> still = new ArrayList<>();
				for (int[] item : pending) {
					Candidate c = selected.get(item[0]);
					int entity = item[1];
					if (this.found[entity] != 0 || c.year || listed(c, entity) || contextSupports(c, entity)) {
						add(c, entity, 0.8f, c.year ? "pattern" : "alias");
						if (this.found[entity] == 0) {
							this.found[entity] = 2;
						}
					}
					else {
						still.add(item);
					}
				}
				pending = still;
			}
			// 4. Capitals standing for governments ("Moscow said"): checked when
			// collected.
			for (Candidate c : selected) {
				for (int p : c.patterns) {
					Gazetteer.Pattern pattern = this.g.patterns.get(p);
					if (pattern.kind() == Gazetteer.CAPITAL) {
						add(c, pattern.target(), 0.7f, "pattern");
						this.found[pattern.target()] = 2;
					}
				}
			}
			// 5. Countries inside names of organisations and roles ("Polish Armed
			// Forces"),
			// organisations inside roles ("NATO Secretary General").
			for (Candidate c : selected) {
				boolean role = hasRole(c) || namesProgramme(c);
				if (role || containerOfCountries(c)) {
					for (Candidate inner : innerCandidates(c)) {
						if (inner != c && inner.from >= c.from && inner.to <= c.to) {
							for (int p : inner.patterns) {
								Gazetteer.Pattern pattern = this.g.patterns.get(p);
								String type = this.g.entity(pattern.target()).type();
								if ((pattern.kind() == Gazetteer.ALIAS || pattern.kind() == Gazetteer.EXACT)
										&& ("country".equals(type) || (role && "organisation".equals(type)))) {
									add(inner, pattern.target(), 0.9f, "alias");
									this.found[pattern.target()] = 1;
								}
							}
						}
					}
				}
			}
			// 6. Roles, by date; with several holders only one this text names.
			if (this.context.date() != null) {
				for (Candidate c : selected) {
					role(c);
				}
			}
		}

		private Map<Integer, List<Candidate>> byStart;

		/** Candidates (selected or not) that start inside c. */
		private List<Candidate> innerCandidates(Candidate c) {
			if (this.byStart == null) {
				this.byStart = new HashMap<>();
				for (Candidate candidate : this.candidates) {
					this.byStart.computeIfAbsent(candidate.from, (k) -> new ArrayList<>(2)).add(candidate);
				}
			}
			List<Candidate> inner = new ArrayList<>();
			for (int k = c.from; k < c.to && k < this.t.count; k++) {
				List<Candidate> starting = this.byStart.get(k);
				if (starting != null) {
					inner.addAll(starting);
				}
			}
			return inner;
		}

		private boolean namesProgramme(Candidate c) {
			for (int p : c.patterns) {
				Gazetteer.Pattern pattern = this.g.patterns.get(p);
				if (pattern.kind() == Gazetteer.ALIAS && "programme".equals(this.g.entity(pattern.target()).type())) {
					return true;
				}
			}
			return false;
		}

		private boolean hasRole(Candidate c) {
			for (int p : c.patterns) {
				byte kind = this.g.patterns.get(p).kind();
				if (kind == Gazetteer.ROLE || kind == Gazetteer.ROLE_BARE) {
					return true;
				}
			}
			return false;
		}

		private boolean containerOfCountries(Candidate c) {
			for (int p : c.patterns) {
				Gazetteer.Pattern pattern = this.g.patterns.get(p);
				if (pattern.kind() == Gazetteer.ROLE || (pattern.kind() == Gazetteer.ALIAS
						&& "organisation".equals(this.g.entity(pattern.target()).type()))) {
					return true;
				}
			}
			return false;
		}

		private void role(Candidate c) {
			Set<Integer> resolved = new LinkedHashSet<>();
			for (int p : c.patterns) {
				Gazetteer.Pattern pattern = this.g.patterns.get(p);
				if (pattern.kind() != Gazetteer.ROLE && pattern.kind() != Gazetteer.ROLE_BARE) {
					continue;
				}
				GazetteerData.RolePhrase phrase = this.g.rolePhrases.get(pattern.target());
				if (pattern.kind() == Gazetteer.ROLE_BARE && !inScope(phrase.inContextOf())) {
					continue;
				}
				Set<Integer> holders = new LinkedHashSet<>();
				for (Gazetteer.Holder holder : this.g.holders.getOrDefault(phrase.role(), List.of())) {
					if (holder.role().heldOn(this.context.date())) {
						holders.add(holder.person());
					}
				}
				if (holders.size() == 1) {
					resolved.add(holders.iterator().next());
				}
				else if (holders.size() > 1) {
					List<Integer> named = holders.stream().filter((e) -> this.found[e] != 0).toList();
					if (named.size() == 1) {
						resolved.add(named.get(0));
					}
				}
			}
			for (int person : resolved) {
				add(c, person, 0.8f, "role");
				if (this.found[person] == 0) {
					this.found[person] = 2;
				}
			}
		}

		private boolean inScope(String scope) {
			if (scope == null) {
				return true;
			}
			if (this.context.scopes().contains(scope)) {
				return true;
			}
			Integer entity = this.g.byKey.get("country/" + scope);
			if (entity == null) {
				entity = this.g.byKey.get("organisation/" + switch (scope) {
					case "EU" -> "european-union";
					default -> scope.toLowerCase(java.util.Locale.ROOT);
				});
			}
			return entity != null && this.found[entity] != 0;
		}

		/**
		 * Shouting text ("NATO MULTIMEDIA ACCOUNT", "KEEP EUROPE SAFE"): acronyms prove
		 * little.
		 */
		private boolean shouting(int token) {
			return (!this.t.is(token, Tokens.NEWLINE_BEFORE) && upperWord(token - 1)) || (token + 1 < this.t.count
					&& !this.t.is(token + 1, Tokens.NEWLINE_BEFORE) && upperWord(token + 1));
		}

		private boolean upperWord(int k) {
			return k >= 0 && k < this.t.count && this.t.is(k, Tokens.UPPER) && this.t.letters[k] >= 3
					&& !this.startingAt.containsKey(k);
		}

		/** "Poland, Romania and Turkey": next to another entity of the same type. */
		private boolean listed(Candidate c, int entity) {
			String type = this.g.entity(entity).type();
			int k = c.from - 1;
			int skipped = 0;
			while (k >= 0 && skipped < 3 && separator(k)) {
				k--;
				skipped++;
			}
			if (skipped > 0 && k >= 0 && neighbourOfType(this.endingAt.get(k + 1), type)) {
				return true;
			}
			k = c.to;
			skipped = 0;
			while (k < this.t.count && skipped < 3 && separator(k)) {
				k++;
				skipped++;
			}
			return skipped > 0 && k < this.t.count && neighbourOfType(this.startingAt.get(k), type);
		}

		private boolean separator(int k) {
			return LIST_SEPARATORS.contains(this.t.folded(k));
		}

		private boolean neighbourOfType(Candidate neighbour, String type) {
			if (neighbour == null) {
				return false;
			}
			if (neighbour.fuzzyPerson >= 0) {
				return "person".equals(type);
			}
			for (int p : neighbour.patterns) {
				Gazetteer.Pattern pattern = this.g.patterns.get(p);
				if (pattern.kind() <= Gazetteer.NEEDS_CONTEXT
						&& (this.found[pattern.target()] != 0 || pattern.kind() == Gazetteer.NEEDS_CONTEXT)
						&& type.equals(this.g.entity(pattern.target()).type())) {
					return true;
				}
			}
			return false;
		}

		private boolean contextSupports(Candidate c, int entity) {
			GazetteerData.Entity e = this.g.entity(entity);
			String kind = (e.kind() == null) ? "" : e.kind();
			String[] cues;
			if ("programme".equals(e.type())) {
				cues = switch (kind) {
					case "exercise", "operation", "mission" -> EXERCISE_CONTEXT;
					case "weapon-system", "procurement-programme" -> WEAPON_CONTEXT;
					default -> null;
				};
			}
			else if ("organisation".equals(e.type())) {
				cues = switch (kind) {
					case "company" -> COMPANY_CONTEXT;
					case "media" -> MEDIA_CONTEXT;
					default -> null;
				};
				if (cues == null && e.countryCode() != null) {
					Integer country = this.g.byKey.get("country/" + e.countryCode());
					return country != null && this.found[country] != 0;
				}
			}
			else {
				cues = null;
			}
			if (cues == null) {
				return false;
			}
			for (int k = Math.max(0, c.from - 8); k < Math.min(this.t.count, c.to + 8); k++) {
				if ((k < c.from || k >= c.to) && this.t.is(k, Tokens.WORD)) {
					String word = this.t.folded(k);
					for (String cue : cues) {
						if (word.startsWith(cue)) {
							return true;
						}
					}
				}
			}
			return false;
		}

		private void add(Candidate c, int entity, float confidence, String how) {
			this.mentions.add(new Mention(entity, c.charStart, c.charEnd, this.t.text.substring(c.charStart, c.charEnd),
					confidence, how));
		}

	}

	/** A span of tokens the tries matched, and what it may stand for. */
	private static final class Candidate {

		final int from;

		int to;

		int[] patterns;

		final boolean exact;

		final int charStart;

		int charEnd;

		final boolean suffixed;

		boolean year;

		int fuzzyPerson = -1;

		int edits;

		Candidate(int from, int to, int[] patterns, boolean exact, Tokens tokens) {
			this.from = from;
			this.to = to;
			this.patterns = patterns;
			this.exact = exact;
			this.charStart = tokens.start[from];
			this.charEnd = tokens.end[to - 1];
			boolean anySuffixed = false;
			for (int k = from; k < to; k++) {
				anySuffixed |= tokens.is(k, Tokens.SUFFIXED);
			}
			this.suffixed = anySuffixed;
		}

		long span() {
			return ((long) this.from << 32) | this.to;
		}

		void merge(int[] more) {
			int[] merged = Arrays.copyOf(this.patterns, this.patterns.length + more.length);
			System.arraycopy(more, 0, merged, this.patterns.length, more.length);
			this.patterns = merged;
		}

		boolean overlaps(Candidate other) {
			return this.from < other.to && other.from < this.to;
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

	}

}
