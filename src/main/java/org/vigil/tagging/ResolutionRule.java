package org.vigil.tagging;

import java.util.List;

/**
 * One document-level decision of the tagger: which entities a document's candidates stand
 * for. Rules run in order over all candidates of a document, each seeing what the earlier
 * ones found.
 */
interface ResolutionRule {

	/**
	 * @param selected the document's candidates, in text order
	 */
	void apply(List<Candidate> selected, Resolution resolution);

}
