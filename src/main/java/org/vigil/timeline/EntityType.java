package org.vigil.timeline;

import java.util.Arrays;
import java.util.Optional;

/** The gazetteer's entity types, with the timeline parameter that filters on each. */
enum EntityType {

	COUNTRY("country", "Countries"), PERSON("person", "People"), PROGRAMME("programme", "Programmes"),
	ORGANISATION("organisation", "Organisations");

	private final String key;

	private final String plural;

	EntityType(String key, String plural) {
		this.key = key;
		this.plural = plural;
	}

	/**
	 * The value in the {@code entity.type} column, the URL segment and the filter
	 * parameter.
	 */
	public String key() {
		return this.key;
	}

	public String plural() {
		return this.plural;
	}

	static Optional<EntityType> of(String key) {
		return Arrays.stream(values()).filter((type) -> type.key.equals(key)).findFirst();
	}

}
