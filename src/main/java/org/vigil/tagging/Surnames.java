package org.vigil.tagging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A surname alone stands for the person of that name the document names in full, else for
 * the only person by that name.
 */
final class Surnames implements ResolutionRule {

	@Override
	public void apply(List<Candidate> selected, Resolution r) {
		for (Candidate c : selected) {
			// Made for the few candidates with a surname: a large text has hundreds of
			// thousands of candidates.
			Set<Integer> people = null;
			for (int p : c.patterns) {
				Gazetteer.Pattern pattern = r.g.patterns.get(p);
				if (pattern.kind() == Gazetteer.SURNAME) {
					if (people == null) {
						people = new LinkedHashSet<>();
					}
					people.add(pattern.target());
				}
			}
			if (people == null) {
				continue;
			}
			List<Integer> named = new ArrayList<>();
			for (int person : people) {
				if (r.found(person)) {
					named.add(person);
				}
			}
			if (named.size() == 1) {
				r.add(c, named.get(0), 0.9f, "surname");
			}
			else if (named.isEmpty() && people.size() == 1) {
				int person = people.iterator().next();
				r.add(c, person, 0.75f, "surname");
				r.markFound(person);
			}
		}
	}

}
