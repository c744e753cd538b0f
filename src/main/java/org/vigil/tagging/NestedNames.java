package org.vigil.tagging;

import java.util.List;

/**
 * Countries inside names of organisations and roles ("Polish Armed Forces"), and
 * organisations inside roles and programmes ("NATO Secretary General"): the longer match
 * won, but the inner names are mentioned too.
 */
final class NestedNames implements ResolutionRule {

	@Override
	public void apply(List<Candidate> selected, Resolution r) {
		for (Candidate c : selected) {
			if (c.inner.isEmpty()) {
				continue;
			}
			boolean role = hasRole(r.g, c) || namesProgramme(r.g, c);
			for (Candidate inner : c.inner) {
				if (inner != c && inner.from >= c.from && inner.to <= c.to) {
					for (int p : inner.patterns) {
						Gazetteer.Pattern pattern = r.g.patterns.get(p);
						String type = r.type(pattern.target());
						if ((pattern.kind() == Gazetteer.ALIAS || pattern.kind() == Gazetteer.EXACT)
								&& ("country".equals(type) || (role && "organisation".equals(type)))) {
							r.add(inner, pattern.target(), 0.9f, "alias");
							r.markFound(pattern.target());
						}
					}
				}
			}
		}
	}

	/**
	 * Whether names inside the candidate may be mentioned: it is a role, programme or
	 * organisation.
	 */
	static boolean holdsNames(Gazetteer g, Candidate c) {
		return hasRole(g, c) || namesProgramme(g, c) || containerOfCountries(g, c);
	}

	private static boolean namesProgramme(Gazetteer g, Candidate c) {
		return aliasOfType(g, c, "programme");
	}

	private static boolean hasRole(Gazetteer g, Candidate c) {
		return c.hasPattern(g, Gazetteer.ROLE) || c.hasPattern(g, Gazetteer.ROLE_BARE);
	}

	private static boolean containerOfCountries(Gazetteer g, Candidate c) {
		return c.hasPattern(g, Gazetteer.ROLE) || aliasOfType(g, c, "organisation");
	}

	private static boolean aliasOfType(Gazetteer g, Candidate c, String type) {
		for (int p : c.patterns) {
			Gazetteer.Pattern pattern = g.patterns.get(p);
			if (pattern.kind() == Gazetteer.ALIAS && type.equals(g.entity(pattern.target()).type())) {
				return true;
			}
		}
		return false;
	}

}
