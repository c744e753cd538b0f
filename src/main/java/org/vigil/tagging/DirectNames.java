package org.vigil.tagging;

import java.util.List;

/**
 * Names that stand for their entity on their own: aliases, exact acronyms (unless the
 * text around them is shouting), fuzzy person names.
 */
final class DirectNames implements ResolutionRule {

	@Override
	public void apply(List<Candidate> selected, Resolution r) {
		for (Candidate c : selected) {
			if (c.fuzzyPerson >= 0) {
				r.add(c, c.fuzzyPerson, (c.edits == 1) ? 0.7f : 0.6f, "fuzzy");
				r.markFound(c.fuzzyPerson);
				continue;
			}
			for (int p : c.patterns) {
				Gazetteer.Pattern pattern = r.g.patterns.get(p);
				if (pattern.kind() == Gazetteer.ALIAS || (pattern.kind() == Gazetteer.EXACT && !c.shouting)) {
					float confidence = c.suffixed ? 0.85f : 1f;
					r.add(c, pattern.target(), c.year ? 0.95f : confidence, c.year ? "pattern" : "alias");
					r.markFound(pattern.target());
				}
			}
		}
	}

}
