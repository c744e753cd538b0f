package org.vigil.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Ambiguous names ("Georgia", "Jordan", "Patriot") and acronyms among shouted words count
 * only with support in the document: the entity named elsewhere, a year suffix, a list of
 * entities of its type ("Poland, Romania and Turkey"), or context words near it ("the
 * Patriot system"; an organisation's country named). Two rounds, so a name accepted late
 * can support one earlier in the text.
 */
final class SupportedAliases implements ResolutionRule {

	@Override
	public void apply(List<Candidate> selected, Resolution r) {
		List<Candidate> candidates = new ArrayList<>();
		List<Integer> entities = new ArrayList<>();
		for (Candidate c : selected) {
			for (int p : c.patterns) {
				Gazetteer.Pattern pattern = r.g.patterns.get(p);
				if (pattern.kind() == Gazetteer.NEEDS_CONTEXT || (pattern.kind() == Gazetteer.EXACT && c.shouting)) {
					candidates.add(c);
					entities.add(pattern.target());
				}
			}
		}
		for (int round = 0; round < 2 && !candidates.isEmpty(); round++) {
			List<Candidate> stillCandidates = new ArrayList<>();
			List<Integer> stillEntities = new ArrayList<>();
			for (int i = 0; i < candidates.size(); i++) {
				Candidate c = candidates.get(i);
				int entity = entities.get(i);
				if (r.found(entity) || c.year || listed(c, entity, r) || contextSupports(c, entity, r)) {
					r.add(c, entity, 0.8f, c.year ? "pattern" : "alias");
					r.markFound(entity);
				}
				else {
					stillCandidates.add(c);
					stillEntities.add(entity);
				}
			}
			candidates = stillCandidates;
			entities = stillEntities;
		}
	}

	/** "Poland, Romania and Turkey": next to another entity of the same type. */
	private static boolean listed(Candidate c, int entity, Resolution r) {
		String type = r.type(entity);
		return ofType(c.previousInList, type, r) || ofType(c.nextInList, type, r);
	}

	private static boolean ofType(Candidate neighbour, String type, Resolution r) {
		if (neighbour == null) {
			return false;
		}
		if (neighbour.fuzzyPerson >= 0) {
			return "person".equals(type);
		}
		for (int p : neighbour.patterns) {
			Gazetteer.Pattern pattern = r.g.patterns.get(p);
			if (pattern.kind() <= Gazetteer.NEEDS_CONTEXT
					&& (r.found(pattern.target()) || pattern.kind() == Gazetteer.NEEDS_CONTEXT)
					&& type.equals(r.type(pattern.target()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Context words of the entity's kind near the name (db/gazetteer/cues.yaml); for an
	 * organisation of a kind without such words, its country named in the document.
	 */
	private static boolean contextSupports(Candidate c, int entity, Resolution r) {
		GazetteerData.Entity e = r.g.entity(entity);
		int wanted = r.g.cues.contextOf(e);
		if (wanted != 0) {
			return (c.contexts & wanted) != 0;
		}
		if ("organisation".equals(e.type()) && e.countryCode() != null) {
			Integer country = r.g.byKey.get("country/" + e.countryCode());
			return country != null && r.found(country);
		}
		return false;
	}

}
