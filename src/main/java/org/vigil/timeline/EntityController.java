package org.vigil.timeline;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.shared.SignedInUser;

/**
 * A country's, person's, programme's or organisation's page: who or what it is, how often
 * many items named it week by week over the last year against its own baseline, what it
 * is mentioned with, and a link to its own timeline.
 */
@Controller
class EntityController {

	static final int WEEKS = 53;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final EntityPageQueries queries;

	private final Clock clock;

	/**
	 * The weekly chart, the co-mentions and the forms used ("Also called") aggregate
	 * thousands of rows for a busy entity and change slowly: they are reused for
	 * {@code vigil.timeline.facet-cache-ttl}.
	 */
	private final RecentCache<Map<LocalDate, Long>> weeks;

	private final RecentCache<List<EntityPageQueries.Company>> company;

	private final RecentCache<List<EntityPageQueries.AliasUse>> aliases;

	private final ItemCards cards;

	private final Reading reading;

	EntityController(EntityPageQueries queries, Clock clock, TimelineProperties properties, ItemCards cards,
			Reading reading) {
		this.cards = cards;
		this.reading = reading;
		this.queries = queries;
		this.clock = clock;
		this.weeks = new RecentCache<>(clock, properties.facetCacheTtl(), 500);
		this.company = new RecentCache<>(clock, properties.facetCacheTtl(), 500);
		this.aliases = new RecentCache<>(clock, properties.facetCacheTtl(), 500);
	}

	/** "Also called" shows this many forms; the rest fold. */
	static final int SHOWN_ALIASES = 8;

	/** A role with its dates in the viewer's words; {@code to} is null while it lasts. */
	record RoleView(String title, String role, String from, String to, boolean current) {

	}

	/** The most used other names, and the rest folded. */
	record Aliases(List<String> shown, List<String> folded) {

		static Aliases of(List<EntityPageQueries.AliasUse> uses) {
			List<String> all = uses.stream().map(EntityPageQueries.AliasUse::alias).toList();
			int cut = Math.min(SHOWN_ALIASES, all.size());
			return new Aliases(all.subList(0, cut), all.subList(cut, all.size()));
		}

	}

	@GetMapping("/entities/{type}/{key}")
	String entity(@AuthenticationPrincipal SignedInUser user, @PathVariable String type, @PathVariable String key,
			Model model) {
		EntityType entityType = EntityType.of(type)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no entity type " + type));
		EntityPageQueries.Entity entity = this.queries.entity(entityType, key)
			.or(() -> (entityType == EntityType.COUNTRY) ? this.queries.entity(entityType, key.toUpperCase(Locale.ROOT))
					: java.util.Optional.empty())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + type + " " + key));
		long id = entity.ref().id();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
		LocalDate baselineStart = firstMonday.minusWeeks(WeeklyChart.BASELINE_WEEKS);
		Locale locale = TimelineProperties.viewerLocale();
		model.addAttribute("entity", entity);
		model.addAttribute("typeLabel", entityType.key());
		String name = entity.ref().name();
		model.addAttribute("aliases",
				Aliases.of(this.aliases.get(id + "@" + name, () -> this.queries.aliases(id, name, 2000))));
		model.addAttribute("roles", roles(this.queries.roles(id), today, locale));
		WeeklyChart chart = WeeklyChart.of(firstMonday, WEEKS,
				this.weeks.get(id + "@" + baselineStart, () -> this.queries.weeklyItems(id, baselineStart)), locale);
		model.addAttribute("chart", chart);
		model.addAttribute("chartFrom", DATE.withLocale(locale).format(firstMonday));
		model.addAttribute("busiest",
				(chart.busiest() != null) ? DATE.withLocale(locale).format(chart.busiest()) : null);
		model.addAttribute("markedWeeks", chart.marked().stream().map(DATE.withLocale(locale)::format).toList());
		model.addAttribute("weekFormat", DATE.withLocale(locale));
		model.addAttribute("company", this.company.get(Long.toString(id), () -> this.queries.company(id, 2000, 12)));
		// The latest items as cards, with the viewer's marks (see ReadingController).
		List<Long> recent = this.queries.recent(id, 10).stream().map(ItemPageQueries.Other::id).toList();
		model.addAttribute("recent", this.cards.of(recent));
		model.addAttribute("reading", this.reading.of(user, recent).at(entity.ref().href(), false));
		model.addAttribute("timelineUrl", TimelineUrls.entityTimeline(entity.ref()));
		return "timeline/entity";
	}

	private static List<RoleView> roles(List<EntityPageQueries.Role> roles, LocalDate today, Locale locale) {
		DateTimeFormatter date = DATE.withLocale(locale);
		return roles.stream().map((role) -> {
			boolean current = (role.from() == null || !role.from().isAfter(today))
					&& (role.to() == null || !role.to().isBefore(today));
			return new RoleView((role.title() != null) ? role.title() : role.role(), role.role(),
					(role.from() != null) ? date.format(role.from()) : null,
					(role.to() != null) ? date.format(role.to()) : null, current);
		}).toList();
	}

}
