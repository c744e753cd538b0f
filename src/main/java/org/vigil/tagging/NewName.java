package org.vigil.tagging;

/**
 * A name that looks like a person, exercise or operation the gazetteer does not know.
 *
 * @param name the name as written
 * @param kind {@code person} or {@code programme}
 * @param cue the word that introduced it ("Minister", "Exercise")
 * @param context the sentence around it
 */
record NewName(String name, String kind, String cue, String context) {

}
