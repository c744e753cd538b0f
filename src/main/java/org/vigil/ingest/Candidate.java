package org.vigil.ingest;

/**
 * An article a feed or listing points to.
 *
 * @param url the article page
 * @param fetchUrl what to fetch for its content (the GOV.UK Content API), or the page
 * @param hints what the listing said about it
 * @param extraJson the listing's record, kept with the raw capture
 */
record Candidate(String url, String fetchUrl, Hints hints, String extraJson) {

}
