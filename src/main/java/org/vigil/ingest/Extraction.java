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
 * @param partial a paywalled teaser rather than the whole text, or a body read by the
 * generic extractor because the site rule missed
 * @param partialReason why the text may be incomplete when the extractor knows (a site
 * rule that missed), or null
 */
record Extraction(String title, String canonicalUrl, PublishedDate published, String language, String type,
		String author, String bodyHtml, String bodyText, boolean partial, String partialReason) {

	Extraction(String title, String canonicalUrl, PublishedDate published, String language, String type, String author,
			String bodyHtml, String bodyText, boolean partial) {
		this(title, canonicalUrl, published, language, type, author, bodyHtml, bodyText, partial, null);
	}

	/** Whether the source's site rule for the body missed on this page. */
	boolean siteRuleMissed() {
		return this.partialReason != null && this.partialReason.startsWith(SiteRuleCheck.MISSED);
	}

}
