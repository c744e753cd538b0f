package org.vigil.tagging;

import java.time.LocalDate;
import java.util.List;

/**
 * The gazetteer as plain values: what the YAML files ship, what the database holds, and
 * what {@link Gazetteer} compiles into a matcher.
 *
 * @param entities countries, people, programmes and organisations
 * @param rolePhrases how text refers to an office without naming its holder
 */
record GazetteerData(List<Entity> entities, List<RolePhrase> rolePhrases) {

	/** Alias match kinds, as in {@code entity_alias.match}. */
	static final String FOLDED = "folded";

	static final String EXACT = "exact";

	static final String NEEDS_CONTEXT = "needs-context";

	static final String SURNAME = "surname";

	static final String CAPITAL = "capital";

	/**
	 * One entity. {@code id} is the database id (a sequence number when read from the
	 * files).
	 */
	record Entity(long id, String type, String key, String name, String wikidata, String countryCode, String kind,
			String parentKey, boolean recurring, List<Alias> aliases, List<Role> roles) {

		/** The id shown to people and other tools: the Wikidata QID when known. */
		String stableId() {
			return (this.wikidata != null) ? this.wikidata : this.type + ":" + this.key;
		}

	}

	/** A name the entity goes by, and how strictly it is matched. */
	record Alias(String text, String match) {

	}

	/**
	 * An office a person held from {@code from} (inclusive) to {@code to} (exclusive).
	 */
	record Role(String role, String title, LocalDate from, LocalDate to) {

		boolean heldOn(LocalDate date) {
			return (this.from == null || !date.isBefore(this.from)) && (this.to == null || date.isBefore(this.to));
		}

	}

	/** A phrase naming an office; bare phrases count only within {@code inContextOf}. */
	record RolePhrase(String role, String phrase, boolean bare, String inContextOf) {

	}

}
