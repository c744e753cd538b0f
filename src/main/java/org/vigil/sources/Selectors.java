package org.vigil.sources;

import java.util.List;

/**
 * Site rules of a source: CSS selectors for the parts of an article page, and the
 * elements to remove before extraction. Any may be empty: the generic extractor fills in.
 *
 * @param title the title element
 * @param date the element holding the publication date
 * @param body the main text (all matches are joined)
 * @param author the author or speaker
 * @param remove elements to drop from the page first
 */
public record Selectors(String title, String date, String body, String author, List<String> remove) {

	public static final Selectors NONE = new Selectors(null, null, null, null, List.of());

	public Selectors {
		remove = (remove != null) ? List.copyOf(remove) : List.of();
	}

	public boolean isEmpty() {
		return this.title == null && this.date == null && this.body == null && this.author == null
				&& this.remove.isEmpty();
	}

}
