package org.vigil.searches;

/**
 * Why a saved search could not be stored, as a sentence for the page or the command line.
 */
class SearchProblem extends RuntimeException {

	SearchProblem(String message) {
		super(message);
	}

}
