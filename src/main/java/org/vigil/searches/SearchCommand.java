package org.vigil.searches;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.vigil.timeline.TimelineSearch;
import org.vigil.users.Account;
import org.vigil.users.Accounts;

/**
 * {@code search}: create and list saved searches from the command line, for operators and
 * scripts. Filters are checked exactly as the timeline checks them; anything the timeline
 * would ignore is an error here.
 */
@Component
@Command(name = "search", mixinStandardHelpOptions = true, description = "Add and list saved searches.",
		subcommands = { SearchCommand.AddSearch.class, SearchCommand.ListSearches.class })
class SearchCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "a subcommand is required");
	}

	static Account account(CommandSpec spec, Accounts accounts, String email) {
		return accounts.findByEmail(email)
			.orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
					"there is no account for " + email + " (see 'vigil user list')"));
	}

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Save a timeline filter under a name for a user.")
	static class AddSearch implements Callable<Integer> {

		private final Accounts accounts;

		private final SavedSearches searches;

		private final TimelineSearch timeline;

		@Spec
		CommandSpec spec;

		@Option(names = "--user", required = true, description = "The owner's e-mail address.")
		String user;

		@Option(names = "--name", required = true, description = "Name of the search, unique per user.")
		String name;

		@Option(names = "--query", description = "Full-text query, as typed in the timeline's search box.")
		String query;

		@Option(names = "--country", description = "Country code or name; repeat for several.")
		List<String> countries = new ArrayList<>();

		@Option(names = "--person", description = "Person key or name; repeat for several.")
		List<String> people = new ArrayList<>();

		@Option(names = "--programme", description = "Programme key or name; repeat for several.")
		List<String> programmes = new ArrayList<>();

		@Option(names = "--organisation", description = "Organisation key or name; repeat for several.")
		List<String> organisations = new ArrayList<>();

		@Option(names = "--source", description = "Source key; repeat for several.")
		List<String> sources = new ArrayList<>();

		@Option(names = "--type", description = "Item type (press-release, speech, news, statement, other).")
		List<String> types = new ArrayList<>();

		@Option(names = "--lang", description = "Language code such as en or pl; repeat for several.")
		List<String> languages = new ArrayList<>();

		@Option(names = "--range", description = "Date range preset: 24h, 7d, 30d or year.")
		String range;

		@Option(names = "--from", description = "First day, YYYY-MM-DD.")
		String from;

		@Option(names = "--to", description = "Last day, YYYY-MM-DD.")
		String to;

		@Option(names = "--notes", description = "Notes shown with the search.")
		String notes;

		AddSearch(Accounts accounts, SavedSearches searches, TimelineSearch timeline) {
			this.accounts = accounts;
			this.searches = searches;
			this.timeline = timeline;
		}

		@Override
		public Integer call() {
			Account account = account(this.spec, this.accounts, this.user);
			MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
			if (this.query != null) {
				parameters.add("q", this.query);
			}
			parameters.put("country", this.countries);
			parameters.put("person", this.people);
			parameters.put("programme", this.programmes);
			parameters.put("organisation", this.organisations);
			parameters.put("source", this.sources);
			parameters.put("type", this.types);
			parameters.put("lang", this.languages);
			if (this.range != null) {
				parameters.add("range", this.range);
			}
			if (this.from != null) {
				parameters.add("from", this.from);
			}
			if (this.to != null) {
				parameters.add("to", this.to);
			}
			TimelineSearch.Checked checked = this.timeline.check(parameters);
			try {
				SavedSearch saved = this.searches.create(account.id(), this.name, checked, this.notes);
				PrintWriter out = this.spec.commandLine().getOut();
				out.printf("Saved search %d \u201C%s\u201D for %s: %s (%s)%n", saved.id(), saved.name(),
						account.email(), checked.description(), checked.timelineUrl());
				out.flush();
				return 0;
			}
			catch (SearchProblem ex) {
				throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
			}
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List saved searches.")
	static class ListSearches implements Callable<Integer> {

		private final Accounts accounts;

		private final SavedSearches searches;

		private final TimelineSearch timeline;

		private final Clock clock;

		@Spec
		CommandSpec spec;

		@Option(names = "--user", description = "Only this user's searches (default: everyone's).")
		String user;

		ListSearches(Accounts accounts, SavedSearches searches, TimelineSearch timeline, Clock clock) {
			this.accounts = accounts;
			this.searches = searches;
			this.timeline = timeline;
			this.clock = clock;
		}

		@Override
		public Integer call() {
			List<SavedSearches.Owned> rows;
			if (this.user != null) {
				Account account = account(this.spec, this.accounts, this.user);
				rows = this.searches.list(account.id())
					.stream()
					.map((search) -> new SavedSearches.Owned(account.email(), search))
					.toList();
			}
			else {
				rows = this.searches.listAll();
			}
			PrintWriter out = this.spec.commandLine().getOut();
			out.printf("%-5s %-28s %-28s %5s %-5s %s%n", "ID", "USER", "NAME", "NEW", "FEED", "FILTER");
			for (SavedSearches.Owned row : rows) {
				SavedSearch search = row.search();
				long fresh = this.timeline.countFirstSeen(search.parameters(), search.lastSeenAt(),
						this.clock.instant());
				out.printf("%-5d %-28s %-28s %5d %-5s %s%n", search.id(), row.email(), search.name(), fresh,
						(search.feedToken() != null) ? "on" : "off",
						this.timeline.check(search.parameters()).description());
			}
			out.flush();
			return 0;
		}

	}

}
