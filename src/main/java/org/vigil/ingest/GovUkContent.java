package org.vigil.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GOV.UK Content API item: body, dates, type, speaker and withdrawal, keyed on
 * its {@code content_id}.
 */
final class GovUkContent {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GovUkContent() {
	}

	/**
	 * What the item says.
	 *
	 * @param key {@code govuk:<content_id>}
	 * @param pageUrl the public page
	 * @param extraction title, date, type, author, text
	 * @param withdrawnAt when it was withdrawn, or null
	 * @param withdrawnNote the explanation, or null
	 */
	record Item(String key, String pageUrl, Extraction extraction, Instant withdrawnAt, String withdrawnNote) {

	}

	static Item read(byte[] body, String fallbackUrl) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			throw new FetchException("malformed GOV.UK content JSON at " + fallbackUrl + ": " + Listings.firstLine(ex));
		}
		String contentId = text(root, "content_id");
		String basePath = text(root, "base_path");
		if (contentId == null && basePath == null) {
			throw new FetchException("GOV.UK content JSON at " + fallbackUrl + " has neither content_id nor base_path");
		}
		String pageUrl = (basePath != null) ? onHostOf(fallbackUrl, basePath) : fallbackUrl;
		JsonNode details = root.path("details");
		String published = firstNonNull(text(root, "first_published_at"), text(details, "first_public_at"),
				text(root, "public_updated_at"));
		PublishedDate date = (published != null) ? DateParser.parse(published, java.time.ZoneOffset.UTC).orElse(null)
				: null;
		String html = (text(details, "body") != null) ? text(details, "body") : "";
		Document doc = Jsoup.parseBodyFragment(html, pageUrl);
		String bodyHtml = Sanitizer.html(doc.body());
		String bodyText = Sanitizer.text(bodyHtml);
		if (bodyText.isBlank() && text(root, "description") != null) {
			bodyText = text(root, "description");
		}
		String type = switch (String.valueOf(text(root, "document_type"))) {
			case "press_release" -> "press-release";
			case "speech" -> "speech";
			case "news_story", "fatality_notice" -> "news";
			case "oral_statement", "written_statement", "statement" -> "statement";
			default -> "other";
		};
		List<String> people = new ArrayList<>();
		for (String relation : List.of("speaker", "people")) {
			for (JsonNode person : root.path("links").path(relation)) {
				String name = text(person, "title");
				if (name != null && !people.contains(name)) {
					people.add(name);
				}
			}
			if (!people.isEmpty()) {
				break;
			}
		}
		String language = (text(root, "locale") != null) ? text(root, "locale") : "en";
		Extraction extraction = new Extraction(String.valueOf(text(root, "title")), pageUrl, date, language, type,
				people.isEmpty() ? null : String.join(", ", people), bodyHtml, bodyText, false);
		JsonNode withdrawn = root.get("withdrawn_notice");
		Instant withdrawnAt = null;
		String withdrawnNote = null;
		if (withdrawn != null && withdrawn.isObject() && text(withdrawn, "withdrawn_at") != null) {
			withdrawnAt = OffsetDateTime.parse(text(withdrawn, "withdrawn_at")).toInstant();
			withdrawnNote = (text(withdrawn, "explanation") != null)
					? Jsoup.parse(text(withdrawn, "explanation")).text() : null;
		}
		String key = (contentId != null) ? "govuk:" + contentId : "govuk:" + basePath;
		return new Item(key, pageUrl, extraction, withdrawnAt, withdrawnNote);
	}

	/**
	 * The public page: the item's base path on the host it was listed or fetched at (the
	 * Content API answers for the site it serves).
	 */
	private static String onHostOf(String url, String basePath) {
		if (url == null) {
			return basePath;
		}
		try {
			return java.net.URI.create(url).resolve(basePath).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new FetchException(
					"GOV.UK content JSON at " + url + " has a base_path that is not a path: " + basePath);
		}
	}

	private static String firstNonNull(String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

}
