package org.vigil.digest;

import java.util.List;

/**
 * One user's digest, ready to render: what the HTML template and the plain-text part
 * show. Links are absolute.
 *
 * @param recipientName how the mail greets the user
 * @param period the week it covers, as the user reads dates ("3 Aug – 10 Aug 2026")
 * @param sections one per saved search, in name order
 * @param topEntities the entities most named by everything Vigil saw this week
 * @param unsubscribeUrl the signed one-click unsubscribe link
 * @param settingsUrl the settings page
 * @param timelineUrl the timeline
 * @param totalItems the new items over all sections, each counted once however many
 * searches it matches
 */
record Digest(String recipientName, String period, List<Section> sections, List<EntityLine> topEntities,
		String unsubscribeUrl, String settingsUrl, String timelineUrl, long totalItems) {

	/** Items listed over all sections. */
	public int listedItems() {
		return this.sections.stream().mapToInt((section) -> section.items().size()).sum();
	}

	public boolean isEmpty() {
		return totalItems() == 0;
	}

	/**
	 * A saved search's new items.
	 *
	 * @param total how many new items match, listed or not
	 * @param more how many are not listed ("and N more")
	 */
	record Section(String name, String description, String timelineUrl, long total, List<ItemLine> items, long more) {

	}

	/**
	 * An item of a section.
	 *
	 * @param snippet one sentence of its text, or null when it has none beyond the title
	 * @param entities at most five: those the search asks for first, then by salience
	 */
	record ItemLine(String title, String url, String source, String date, String snippet, List<ChipLine> entities) {

	}

	/** An entity an item names; {@code matched} when the saved search asks for it. */
	record ChipLine(String name, String url, boolean matched) {

	}

	/** An entity of the summary with the number of new items naming it. */
	record EntityLine(String name, String url, long items) {

	}

}
