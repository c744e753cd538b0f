package org.vigil.items;

import java.time.Instant;

/**
 * An item as extraction produced it, ready to store.
 *
 * @param sourceId the source
 * @param canonicalKey one key per statement ({@link CanonicalKeys})
 * @param url where it was read
 * @param title title
 * @param type press-release, speech, news, statement or other
 * @param language ISO 639-1 or null
 * @param author author or speaker, or null
 * @param publishedAt publication time, or null
 * @param publishedPrecision date or time (null when there is no date: kept as it was)
 * @param publishedRaw the date as printed
 * @param summary listed description, or null
 * @param bodyHtml sanitized HTML
 * @param bodyText plain text
 * @param partial a teaser or feed-only record
 * @param withdrawnAt when the publisher withdrew it, or null
 * @param withdrawnNote the publisher's explanation, or null
 * @param capture the raw response it was read from, or null
 */
public record ItemDraft(long sourceId, String canonicalKey, String url, String title, String type, String language,
		String author, Instant publishedAt, String publishedPrecision, String publishedRaw, String summary,
		String bodyHtml, String bodyText, boolean partial, Instant withdrawnAt, String withdrawnNote,
		RawCapture capture) {

	/**
	 * A fetched response, kept compressed so extraction can run again without fetching.
	 *
	 * @param url the URL fetched
	 * @param fetchedAt when
	 * @param httpStatus its status
	 * @param contentType its content type
	 * @param charset the charset it was decoded with
	 * @param body the bytes
	 * @param extraJson what the listing said about it (JSON object)
	 */
	public record RawCapture(String url, Instant fetchedAt, int httpStatus, String contentType, String charset,
			byte[] body, String extraJson) {

	}

}
