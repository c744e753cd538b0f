package org.vigil.ingest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.vigil.sources.Source;

/**
 * Reads the three kinds of listing into candidates: feeds (RSS/Atom, with ROME), JSON
 * listings (a site's search servlet, shaped by the source's settings) and HTML listings
 * (links found with the source's selectors).
 */
final class Listings {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern GOVUK_PREFIX = Pattern.compile(
			"^(Press release|News story|Speech|Oral statement to Parliament|Written statement to Parliament|Statement|Fatality notice|Guidance|Correspondence|Transparency data|Policy paper|Notice):\\s*");

	private Listings() {
	}

	/** A listing page read: its candidates and the next page, if any. */
	record Page(List<Candidate> candidates, String nextUrl) {

	}

	static Page read(Source source, String listingUrl, Fetched fetched) {
		try {
			return switch (source.kind()) {
				case "feed" -> new Page(feed(source, listingUrl, fetched.body()), null);
				case "json-listing" -> new Page(json(source, listingUrl, fetched.body()), null);
				case "html-listing" -> html(source, listingUrl, fetched);
				default -> throw new FetchException("source kind " + source.kind() + " has no listing");
			};
		}
		catch (FetchException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new FetchException("malformed " + source.kind() + " at " + listingUrl + ": " + firstLine(ex), 0, ex);
		}
	}

	static List<Candidate> feed(Source source, String feedUrl, byte[] body) throws Exception {
		SyndFeedInput input = new SyndFeedInput();
		input.setAllowDoctypes(false);
		SyndFeed feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
		URI base = URI.create(feedUrl);
		List<Candidate> candidates = new ArrayList<>();
		for (SyndEntry entry : feed.getEntries()) {
			String link = (entry.getLink() != null) ? entry.getLink().strip() : null;
			if ((link == null || link.isEmpty()) && entry.getUri() != null
					&& entry.getUri().matches("(?i)^https?://.*")) {
				link = entry.getUri().strip();
			}
			if (link == null || link.isEmpty()) {
				continue;
			}
			// Relative links resolve against the feed's own URL, never its (sometimes
			// broken) atom:link self.
			String url = base.resolve(link.replace(" ", "%20")).toString();
			String title = (entry.getTitle() != null) ? entry.getTitle().strip() : null;
			String type = null;
			if (title != null) {
				Matcher prefix = GOVUK_PREFIX.matcher(title);
				if (prefix.find()) {
					type = govukType(prefix.group(1));
					title = title.substring(prefix.end()).strip();
				}
			}
			for (SyndCategory category : entry.getCategories()) {
				if (type == null && category.getName() != null) {
					type = govukType(category.getName());
				}
			}
			java.util.Date date = (entry.getPublishedDate() != null) ? entry.getPublishedDate()
					: entry.getUpdatedDate();
			PublishedDate published = (date != null)
					? new PublishedDate(date.toInstant(), PublishedDate.Precision.TIME, date.toInstant().toString())
					: null;
			String summary = (entry.getDescription() != null && entry.getDescription().getValue() != null)
					? Jsoup.parse(entry.getDescription().getValue()).text().strip() : null;
			String author = (entry.getAuthor() != null && !entry.getAuthor().isBlank()) ? entry.getAuthor().strip()
					: null;
			String contentApi = source.settings().contentApi();
			String fetchUrl = url;
			if (contentApi != null) {
				fetchUrl = contentApi.replaceAll("/+$", "") + URI.create(url).getRawPath();
			}
			Map<String, Object> extra = new LinkedHashMap<>();
			extra.put("listing", feedUrl);
			extra.put("id", entry.getUri());
			extra.put("title", title);
			extra.put("date", (published != null) ? published.raw() : null);
			extra.put("summary", summary);
			candidates.add(new Candidate(url, fetchUrl, new Hints(title, published, author, type, summary),
					JSON.writeValueAsString(extra)));
		}
		return candidates;
	}

	private static String govukType(String label) {
		return switch (label.toLowerCase(java.util.Locale.ROOT)) {
			case "press release" -> "press-release";
			case "speech" -> "speech";
			case "news story" -> "news";
			case "oral statement to parliament", "written statement to parliament", "statement" -> "statement";
			default -> null;
		};
	}

	static List<Candidate> json(Source source, String listingUrl, byte[] body) {
		JsonNode root = JSON.readTree(body);
		JsonNode pages = root.get("pages");
		if (pages == null || !pages.isArray()) {
			throw new FetchException("JSON listing at " + listingUrl + " has no 'pages' array");
		}
		URI base = URI.create(listingUrl);
		List<Candidate> candidates = new ArrayList<>();
		for (JsonNode page : pages) {
			String link = text(page, "link");
			if (link == null) {
				continue;
			}
			link = link.replaceAll("[?&]selectedLocale=null$", "");
			String url = base.resolve(link.strip().replace(" ", "%20")).toString();
			String title = text(page, "title");
			String rawDate = text(page, "pageDate");
			PublishedDate published = DateParser.parse(rawDate, source.zone()).orElse(null);
			String description = text(page, "description");
			String summary = (description != null) ? Jsoup.parse(description).text() : null;
			Map<String, Object> extra = new LinkedHashMap<>();
			extra.put("listing", listingUrl);
			extra.put("title", title);
			extra.put("link", link);
			extra.put("pageDate", rawDate);
			candidates.add(new Candidate(url, url, new Hints(title, published, null, null, summary),
					JSON.writeValueAsString(extra)));
		}
		return candidates;
	}

	static Page html(Source source, String listingUrl, Fetched fetched) {
		Document doc = Jsoup.parse(Charsets.decode(fetched.body(), fetched.charset(), source.language()).text(),
				listingUrl);
		String itemLinks = (source.settings().itemLinks() != null) ? source.settings().itemLinks() : "article a[href]";
		Pattern linkPattern = source.settings().linkPattern();
		Pattern dateInText = source.settings().dateInText();
		List<Candidate> candidates = new ArrayList<>();
		for (Element item : doc.select(itemLinks)) {
			Element link = item.is("a[href]") ? item : item.selectFirst("a[href]");
			if (link == null) {
				continue;
			}
			String url = link.absUrl("href");
			if (url.isEmpty() || !url.matches("(?i)^https?://.*")
					|| linkPattern != null && !linkPattern.matcher(url).find()) {
				continue;
			}
			String title = firstText(item, source.settings().itemTitle());
			if (title == null) {
				title = link.text().strip();
			}
			String rawDate = firstText(item, source.settings().itemDate());
			if (dateInText != null) {
				Matcher m = dateInText.matcher(title);
				if (m.find()) {
					rawDate = m.group(1);
					title = title.substring(0, m.start()).strip();
				}
			}
			PublishedDate published = DateParser.parse(rawDate, source.zone()).orElse(null);
			Map<String, Object> extra = new LinkedHashMap<>();
			extra.put("listing", listingUrl);
			extra.put("title", title);
			extra.put("date", rawDate);
			candidates
				.add(new Candidate(url, url, new Hints(title.isEmpty() ? null : title, published, null, null, null),
						JSON.writeValueAsString(extra)));
		}
		if (candidates.isEmpty()) {
			throw new FetchException("no article links (" + itemLinks + ") on the HTML listing at " + listingUrl
					+ ": has the page changed?");
		}
		Element next = doc.selectFirst((source.settings().nextPage() != null) ? source.settings().nextPage()
				: "a#js-pagination-page-next[href], a[rel=next][href]");
		String nextUrl = (next != null) ? next.absUrl("href") : null;
		return new Page(candidates, (nextUrl != null && !nextUrl.isEmpty()) ? nextUrl : null);
	}

	private static String firstText(Element item, String selector) {
		if (selector == null) {
			return null;
		}
		Element element = item.selectFirst(selector);
		return (element != null && !element.text().isBlank()) ? element.text().strip() : null;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

	static String firstLine(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

}
