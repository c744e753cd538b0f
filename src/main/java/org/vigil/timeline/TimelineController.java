package org.vigil.timeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.shared.SignedInUser;

/**
 * The timeline at {@code /}: items newest first under day headings, filtered by the URL's
 * parameters, paged by keyset; with a query it is also the search page, best match first
 * unless the URL asks for the newest.
 */
@Controller
class TimelineController {

	private final FilterParser parser;

	private final TimelineQueries queries;

	private final BestMatchQueries bestMatch;

	private final TimelineCounts counts;

	private final TimelineCards cards;

	private final FilterBar bar;

	private final TimelineProperties properties;

	private final Clock clock;

	private final RecentCache<Facets> facetCache;

	private final RecentCache<TimelineCounts.Total> totalCache;

	private final Reading reading;

	TimelineController(FilterParser parser, TimelineQueries queries, BestMatchQueries bestMatch, TimelineCounts counts,
			TimelineCards cards, FilterBar bar, TimelineProperties properties, Clock clock, Reading reading) {
		this.reading = reading;
		this.parser = parser;
		this.queries = queries;
		this.bestMatch = bestMatch;
		this.counts = counts;
		this.cards = cards;
		this.bar = bar;
		this.properties = properties;
		this.clock = clock;
		this.facetCache = new RecentCache<>(clock, properties.facetCacheTtl(), 500);
		this.totalCache = new RecentCache<>(clock, properties.facetCacheTtl(), 500);
	}

	@GetMapping("/")
	String timeline(@AuthenticationPrincipal SignedInUser user, @RequestParam MultiValueMap<String, String> parameters,
			Model model) {
		FilterParser.Parsed parsed = this.parser.parse(parameters, (user != null) ? user.id() : null);
		TimelineFilter filter = parsed.filter();
		boolean dated = parsed.before() != null || parsed.after() != null;
		if (dated && filter.bestMatch()) {
			// A date jump or an older/newer link is a position in date order.
			filter = filter.sorted(TimelineFilter.NEWEST);
		}
		int size = this.properties.pageSize();
		List<TimelineQueries.Row> rows;
		String olderUrl = null;
		String newerUrl = null;
		String rankNote = null;
		if (filter.bestMatch()) {
			int cap = this.properties.bestMatchCap();
			int skip = parsed.rank();
			rows = new ArrayList<>(this.bestMatch.page(filter, this.clock.instant(), skip, size + 1, cap));
			if (rows.size() > size) {
				rows.remove(rows.size() - 1);
				olderUrl = TimelineUrls.ranked(filter, skip + size);
			}
			if (skip > 0) {
				newerUrl = TimelineUrls.ranked(filter, Math.max(0, skip - size));
			}
		}
		else {
			rows = new ArrayList<>(this.queries.page(filter, parsed.before(), parsed.after(), size + 1));
			String[] urls = datePaging(filter, parsed, rows, size);
			olderUrl = urls[0];
			newerUrl = urls[1];
		}
		boolean atTop = !dated && parsed.rank() == 0;
		Map<Long, List<EntityRef>> chips = this.queries.chips(rows.stream().map(TimelineQueries.Row::id).toList());
		TimelineFilter counted = filter;
		String key = filter.toParameters() + "@" + filter.reader();
		Facets facets = this.facetCache.get(key, () -> this.counts.facets(counted, this.properties.facetCap()));
		TimelineCounts.Total total = this.totalCache.get(key,
				() -> this.counts.total(counted, this.properties.countCap()));
		if (filter.bestMatch() && (total.more() || total.count() > this.properties.bestMatchCap())) {
			rankNote = this.bar.text("timeline.best.capped", this.properties.bestMatchCap());
		}
		TimelinePage page = new TimelinePage(filter, parsed.problems(),
				this.cards.days(rows, chips, filter, !filter.bestMatch()), olderUrl, newerUrl,
				atTop ? null : TimelineUrls.timeline(filter), this.bar.active(filter),
				this.bar.facetGroups(filter, facets), this.bar.facetNote(facets), this.bar.ranges(filter),
				this.bar.months(filter), this.bar.total(total), this.bar.sorts(filter), rankNote);
		model.addAttribute("page", page);
		model.addAttribute("reading", this.reading.of(user, rows.stream().map(TimelineQueries.Row::id).toList())
			.at(TimelineUrls.of(parameters), true));
		model.addAttribute("unreadToggle", this.reading.unreadToggle(user, filter));
		model.addAttribute("entityTypes", EntityType.values());
		model.addAttribute("itemTypes",
				FilterParser.ITEM_TYPES.stream()
					.sorted()
					.map((type) -> new TimelinePage.Link(this.bar.typeLabel(type), type, null,
							page.filter().types().contains(type)))
					.toList());
		return "timeline/timeline";
	}

	/**
	 * Trims the surplus row of a date-ordered page and returns its older and newer links
	 * (either may be null).
	 */
	private String[] datePaging(TimelineFilter filter, FilterParser.Parsed parsed, List<TimelineQueries.Row> rows,
			int size) {
		String olderUrl = null;
		String newerUrl = null;
		if (parsed.after() != null) {
			// Rows came back newest first; the surplus one, if any, is the newest.
			boolean moreNewer = rows.size() > size;
			if (moreNewer) {
				rows.remove(0);
			}
			if (!rows.isEmpty()) {
				newerUrl = moreNewer ? TimelineUrls.paged(filter, "after", rows.get(0).cursor()) : null;
				olderUrl = TimelineUrls.paged(filter, "before", rows.get(rows.size() - 1).cursor());
			}
		}
		else {
			boolean moreOlder = rows.size() > size;
			if (moreOlder) {
				rows.remove(rows.size() - 1);
			}
			if (!rows.isEmpty()) {
				olderUrl = moreOlder ? TimelineUrls.paged(filter, "before", rows.get(rows.size() - 1).cursor()) : null;
				if (parsed.before() != null && this.queries.hasNewer(filter, rows.get(0).cursor())) {
					newerUrl = TimelineUrls.paged(filter, "after", rows.get(0).cursor());
				}
			}
		}
		return new String[] { olderUrl, newerUrl };
	}

	/** Suggestions for an entity filter input, as {@code <option>}s for its datalist. */
	@GetMapping("/autocomplete/{type}")
	String autocomplete(@PathVariable String type, @RequestParam MultiValueMap<String, String> parameters,
			Model model) {
		EntityType entityType = EntityType.of(type).orElse(null);
		String text = (entityType != null) ? parameters.getFirst(entityType.key()) : null;
		if (text == null) {
			text = parameters.getFirst("q");
		}
		List<EntityRef> suggestions = (entityType == null || text == null || text.isBlank() || text.length() > 100)
				? List.of() : this.queries.autocomplete(entityType, text.strip(), 10);
		model.addAttribute("suggestions", suggestions);
		return "timeline/autocomplete :: options";
	}

}
