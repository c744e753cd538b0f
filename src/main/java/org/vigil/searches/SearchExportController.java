package org.vigil.searches;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.shared.SiteProperties;
import org.vigil.timeline.TimelineSearch;
import org.vigil.users.VigilUser;

/**
 * A saved search's results outside the pages: the CSV export for its owner and the
 * private Atom feed, whose unguessable token in the path is the only credential (feed
 * readers cannot log in).
 */
@Controller
class SearchExportController {

	/** Rows in a CSV export. */
	static final int CSV_LIMIT = 10_000;

	/** Entries in a feed. */
	static final int FEED_LIMIT = 50;

	/** Matches are looked for among items first seen this long ago at most. */
	private static final Duration WINDOW = Duration.ofDays(3650);

	private final SavedSearches searches;

	private final TimelineSearch timeline;

	private final SiteProperties site;

	private final JdbcClient jdbc;

	private final Clock clock;

	SearchExportController(SavedSearches searches, TimelineSearch timeline, SiteProperties site, JdbcClient jdbc,
			Clock clock) {
		this.searches = searches;
		this.timeline = timeline;
		this.site = site;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The current results, newest first, written row by row as they are formatted. */
	@GetMapping("/searches/{id}.csv")
	void csv(@AuthenticationPrincipal VigilUser user, @PathVariable long id, HttpServletResponse response)
			throws IOException {
		SavedSearch search = this.searches.find(user.id(), id).orElseThrow(SavedSearchController::notFound);
		List<TimelineSearch.Match> matches = matches(search, CSV_LIMIT);
		Map<Long, String> urls = originalUrls(matches);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(fileName(search.name()) + ".csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		Writer writer = response.getWriter();
		SearchCsv csv = new SearchCsv(writer);
		int written = 0;
		for (TimelineSearch.Match match : matches) {
			csv.write(match, urls.getOrDefault(match.id(), ""), this.site.absolute(match.href()));
			if (++written % 500 == 0) {
				csv.flush();
			}
		}
		csv.flush();
	}

	/** The private Atom feed: the 50 newest matches by the time Vigil first saw them. */
	@GetMapping("/feeds/{token}.atom")
	void feed(@PathVariable String token, HttpServletResponse response) throws IOException {
		SavedSearch search = this.searches.findByFeedToken(token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such feed"));
		TimelineSearch.Checked checked = this.timeline.check(search.parameters());
		List<TimelineSearch.Match> matches = matches(search, FEED_LIMIT);
		String self = this.site.absolute("/feeds/" + token + ".atom");
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setTitle("Vigil: " + search.name());
		feed.setDescription(checked.description());
		feed.setUri("urn:vigil:saved-search:" + search.id());
		feed.setLink(this.site.absolute(checked.timelineUrl()));
		feed.setLinks(List.of(link("alternate", this.site.absolute(checked.timelineUrl()), "text/html"),
				link("self", self, "application/atom+xml")));
		feed.setPublishedDate(Date.from(matches.isEmpty() ? search.createdAt() : matches.get(0).firstSeenAt()));
		List<SyndEntry> entries = new ArrayList<>();
		for (TimelineSearch.Match match : matches) {
			entries.add(entry(match));
		}
		feed.setEntries(entries);
		response.setContentType("application/atom+xml;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=300");
		response.setHeader("X-Robots-Tag", "noindex");
		response.setHeader("Referrer-Policy", "no-referrer");
		try {
			new SyndFeedOutput().output(feed, response.getWriter());
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the feed of saved search " + search.id(), ex);
		}
	}

	private SyndEntry entry(TimelineSearch.Match match) {
		SyndEntry entry = new SyndEntryImpl();
		String url = this.site.absolute(match.href());
		entry.setTitle(match.title());
		entry.setLink(url);
		entry.setUri(url);
		entry.setAuthor(match.sourceName());
		if (match.publishedAt() != null) {
			entry.setPublishedDate(Date.from(match.publishedAt()));
		}
		entry.setUpdatedDate(Date.from(match.firstSeenAt()));
		List<SyndCategory> categories = new ArrayList<>();
		for (TimelineSearch.Chip chip : match.entities()) {
			SyndCategory category = new SyndCategoryImpl();
			category.setName(chip.name());
			category.setTaxonomyUri(chip.ref());
			categories.add(category);
		}
		entry.setCategories(categories);
		SyndContent summary = new SyndContentImpl();
		summary.setType("text/plain");
		StringBuilder text = new StringBuilder(match.sourceName()).append(" \u00B7 ").append(match.type());
		if (!match.entities().isEmpty()) {
			text.append(" \u00B7 ")
				.append(String.join(", ", match.entities().stream().map(TimelineSearch.Chip::name).toList()));
		}
		summary.setValue(text.toString());
		entry.setDescription(summary);
		return entry;
	}

	private static SyndLink link(String rel, String href, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

	private List<TimelineSearch.Match> matches(SavedSearch search, int limit) {
		Instant now = this.clock.instant();
		// The window's end is a little in the future so an item stored this second
		// counts.
		return this.timeline.firstSeen(search.parameters(), now.minus(WINDOW), now.plusSeconds(60), limit);
	}

	/** The items' own addresses, read in batches of 1,000. */
	private Map<Long, String> originalUrls(List<TimelineSearch.Match> matches) {
		Map<Long, String> urls = new HashMap<>();
		List<Long> ids = matches.stream().map(TimelineSearch.Match::id).toList();
		for (int start = 0; start < ids.size(); start += 1000) {
			this.jdbc.sql("select id, url from item_view where id in (:ids)")
				.param("ids", ids.subList(start, Math.min(ids.size(), start + 1000)))
				.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("url")))
				.list()
				.forEach((entry) -> urls.put(entry.getKey(), entry.getValue()));
		}
		return urls;
	}

	/** A file name from the search's name: letters, digits, dots, dashes. */
	static String fileName(String name) {
		String safe = name.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
		return safe.isEmpty() ? "saved-search" : safe;
	}

}
