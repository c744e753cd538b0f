package org.vigil.ingest;

/**
 * What extraction read from one page.
 *
 * @param title the title
 * @param canonicalUrl the page's {@code rel=canonical}, or null
 * @param published the publication date, or null when none could be read
 * @param language ISO 639-1 code, or null
 * @param type press-release, speech, news, statement or other
 * @param author author or speaker, or null
 * @param bodyHtml the sanitized main text
 * @param bodyText its plain text
 * @param partial a paywalled teaser rather than the whole text
 */
record Extraction(String title, String canonicalUrl, PublishedDate published, String language, String type,
		String author, String bodyHtml, String bodyText, boolean partial) {

}
