package org.vigil.tagging;

import java.util.List;

/**
 * A capital followed by a verb of saying ("Moscow said") stands for its country's
 * government; the verb was checked when the candidate was found.
 */
final class SpeakingCapitals implements ResolutionRule {

	@Override
	public void apply(List<Candidate> selected, Resolution r) {
		for (Candidate c : selected) {
			for (int p : c.patterns) {
				Gazetteer.Pattern pattern = r.g.patterns.get(p);
				if (pattern.kind() == Gazetteer.CAPITAL) {
					r.add(c, pattern.target(), 0.7f, "pattern");
					r.markFound(pattern.target());
				}
			}
		}
	}

}
