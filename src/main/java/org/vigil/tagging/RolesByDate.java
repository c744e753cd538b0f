package org.vigil.tagging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A role phrase ("the Polish defence minister") stands for whoever held the role on the
 * document's date; with several holders, for the only one the document names. Bare
 * phrases ("the defence minister") count only in their scope: the source's, or a country
 * or organisation the document names.
 */
final class RolesByDate implements ResolutionRule {

	@Override
	public void apply(List<Candidate> selected, Resolution r) {
		if (r.context.date() == null) {
			return;
		}
		for (Candidate c : selected) {
			role(c, r);
		}
	}

	private static void role(Candidate c, Resolution r) {
		// Made for the few candidates a role resolves: most candidates are no role
		// phrase.
		Set<Integer> resolved = null;
		for (int p : c.patterns) {
			Gazetteer.Pattern pattern = r.g.patterns.get(p);
			if (pattern.kind() != Gazetteer.ROLE && pattern.kind() != Gazetteer.ROLE_BARE) {
				continue;
			}
			GazetteerData.RolePhrase phrase = r.g.rolePhrases.get(pattern.target());
			if (pattern.kind() == Gazetteer.ROLE_BARE && !inScope(phrase.inContextOf(), r)) {
				continue;
			}
			Set<Integer> holders = new LinkedHashSet<>();
			for (Gazetteer.Holder holder : r.g.holders.getOrDefault(phrase.role(), List.of())) {
				if (holder.role().heldOn(r.context.date())) {
					holders.add(holder.person());
				}
			}
			int person = -1;
			if (holders.size() == 1) {
				person = holders.iterator().next();
			}
			else if (holders.size() > 1) {
				List<Integer> named = holders.stream().filter(r::found).toList();
				if (named.size() == 1) {
					person = named.get(0);
				}
			}
			if (person >= 0) {
				if (resolved == null) {
					resolved = new LinkedHashSet<>();
				}
				resolved.add(person);
			}
		}
		if (resolved == null) {
			return;
		}
		for (int person : resolved) {
			r.add(c, person, 0.8f, "role");
			r.markFound(person);
		}
	}

	private static boolean inScope(String scope, Resolution r) {
		if (scope == null || r.context.scopes().contains(scope)) {
			return true;
		}
		Integer entity = r.g.byKey.get("country/" + scope);
		if (entity == null) {
			entity = r.g.byKey
				.get("organisation/" + ("EU".equals(scope) ? "european-union" : scope.toLowerCase(Locale.ROOT)));
		}
		return entity != null && r.found(entity);
	}

}
