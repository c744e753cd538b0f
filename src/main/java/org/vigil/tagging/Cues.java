package org.vigil.tagging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The words around a name that the tagger's rules read, from
 * {@code db/gazetteer/cues.yaml}: verbs that make a capital speak for its government,
 * list separators, and the word beginnings that support an ambiguous name of a given
 * kind.
 */
final class Cues {

	private static volatile Cues shipped;

	/** Verbs after a capital ("Moscow said"), folded. */
	final Set<String> saying;

	/** Tokens joining a list ("Poland, Romania and Turkey"), folded. */
	final Set<String> listSeparators;

	/**
	 * Title words between a title and a new name, as written ("Secretary", "Defence").
	 */
	final Set<String> titles;

	private final List<Context> contexts;

	/** Word beginnings that support names of one type and some kinds. */
	private record Context(String type, Set<String> kinds, String[] words) {

	}

	private Cues(Set<String> saying, Set<String> listSeparators, Set<String> titles, List<Context> contexts) {
		this.saying = saying;
		this.listSeparators = listSeparators;
		this.titles = titles;
		this.contexts = contexts;
	}

	/** The cues the application ships, read once. */
	static Cues shipped() {
		Cues cues = shipped;
		if (cues == null) {
			cues = read(GazetteerFiles.readYaml("cues"));
			shipped = cues;
		}
		return cues;
	}

	@SuppressWarnings("unchecked")
	static Cues read(Object yaml) {
		if (!(yaml instanceof Map<?, ?> file)) {
			throw new IllegalStateException(
					"db/gazetteer/cues.yaml: expected a map of saying, list_separators, context");
		}
		List<Context> contexts = new ArrayList<>();
		Object rows = file.get("context");
		for (Map<String, Object> row : (rows == null) ? List.<Map<String, Object>>of()
				: (List<Map<String, Object>>) rows) {
			String type = Objects.requireNonNull((String) row.get("type"), "cues.yaml: context without a type");
			contexts.add(new Context(type, Set.copyOf(strings(row.get("kinds"))),
					strings(row.get("words")).toArray(String[]::new)));
		}
		Set<String> titles = new HashSet<>();
		if (file.get("titles") instanceof List<?> list) {
			list.forEach((title) -> titles.add(title.toString().strip()));
		}
		return new Cues(Set.copyOf(strings(file.get("saying"))), Set.copyOf(strings(file.get("list_separators"))),
				Set.copyOf(titles), List.copyOf(contexts));
	}

	private static List<String> strings(Object value) {
		List<String> result = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object item : list) {
				result.add(Folding.fold(item.toString().strip()));
			}
		}
		return result;
	}

	/**
	 * The context that supports an ambiguous name of this entity, as a bit for
	 * {@link #contextsOf}, or 0 when words around it cannot support it.
	 */
	int contextOf(GazetteerData.Entity entity) {
		String kind = (entity.kind() == null) ? "" : entity.kind();
		for (int i = 0; i < this.contexts.size(); i++) {
			Context context = this.contexts.get(i);
			if (context.type().equals(entity.type()) && context.kinds().contains(kind)) {
				return 1 << i;
			}
		}
		return 0;
	}

	/** The contexts a folded word begins like, as bits. */
	int contextsOf(String folded) {
		return contextsOf(folded, -1);
	}

	/** Which of the {@code wanted} contexts a folded word begins like, as bits. */
	int contextsOf(String folded, int wanted) {
		int bits = 0;
		for (int i = 0; i < this.contexts.size(); i++) {
			if ((wanted & (1 << i)) == 0) {
				continue;
			}
			for (String cue : this.contexts.get(i).words()) {
				if (folded.startsWith(cue)) {
					bits |= 1 << i;
					break;
				}
			}
		}
		return bits;
	}

}
