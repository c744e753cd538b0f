package org.vigil.ingest;

/**
 * What a listing or feed already said about an article before its page was read.
 *
 * @param title the listed title, or null
 * @param published the listed date, or null
 * @param author the listed author, or null
 * @param type the item type the source declares, or null
 * @param summary the listed description (plain text), or null
 */
record Hints(String title, PublishedDate published, String author, String type, String summary) {

	static final Hints NONE = new Hints(null, null, null, null, null);

}
