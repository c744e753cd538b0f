package org.vigil.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rules know of a whole document as they decide: the entities it names so far,
 * and the mentions accepted.
 */
final class Resolution {

	final Gazetteer g;

	final Tagger.Context context;

	/** Entities named or accepted anywhere in the document so far. */
	private final boolean[] found;

	private final List<Tagger.Mention> mentions = new ArrayList<>();

	Resolution(Gazetteer g, Tagger.Context context) {
		this.g = g;
		this.context = context;
		this.found = new boolean[g.entityCount()];
	}

	boolean found(int entity) {
		return this.found[entity];
	}

	void markFound(int entity) {
		this.found[entity] = true;
	}

	void add(Candidate c, int entity, float confidence, String how) {
		this.mentions.add(new Tagger.Mention(entity, c.charStart, c.charEnd, c.surface, confidence, how));
	}

	/**
	 * The mentions in text order; of duplicates (the same entity over the same span) the
	 * most confident.
	 */
	List<Tagger.Mention> mentions() {
		this.mentions.sort((a, b) -> (a.start() != b.start()) ? Integer.compare(a.start(), b.start())
				: (a.end() != b.end()) ? Integer.compare(a.end(), b.end()) : (a.entity() != b.entity())
						? Integer.compare(a.entity(), b.entity()) : Float.compare(b.confidence(), a.confidence()));
		List<Tagger.Mention> result = new ArrayList<>(this.mentions.size());
		for (Tagger.Mention m : this.mentions) {
			Tagger.Mention last = result.isEmpty() ? null : result.get(result.size() - 1);
			if (last == null || last.start() != m.start() || last.end() != m.end() || last.entity() != m.entity()) {
				result.add(m);
			}
		}
		return result;
	}

	String type(int entity) {
		return this.g.entity(entity).type();
	}

}
