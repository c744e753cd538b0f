package org.vigil.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;

/** {@code source}: list, add and import the sources Vigil crawls. */
@Component
@Command(name = "source", mixinStandardHelpOptions = true, description = "List, add and import sources.",
		subcommands = { SourceCommand.ListSources.class, SourceCommand.AddSource.class,
				SourceCommand.ImportSources.class })
class SourceCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "a subcommand is required");
	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the sources with their status.")
	static class ListSources implements Callable<Integer> {

		private final SourceRepository sources;

		@Spec
		CommandSpec spec;

		ListSources(SourceRepository sources) {
			this.sources = sources;
		}

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			out.printf("%-4s %-12s %-13s %-8s %-8s %-9s %s%n", "ID", "KEY", "KIND", "ENABLED", "OFFICIAL", "FAILURES",
					"LAST ERROR");
			for (Source source : this.sources.findAll()) {
				out.printf("%-4d %-12s %-13s %-8s %-8s %-9d %s%n", source.id(), source.key(), source.kind(),
						source.enabled() ? "yes" : "no", source.official() ? "yes" : "no", source.consecutiveFailures(),
						(source.lastError() != null) ? source.lastError() : "");
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Add a source (or replace the one with the same key).")
	static class AddSource implements Callable<Integer> {

		private final SourceEditor sources;

		private final UrlPolicy urls;

		@Spec
		CommandSpec spec;

		@Option(names = "--name", required = true, description = "Display name.")
		String name;

		@Option(names = "--key", description = "Stable slug (default: from the name).")
		String key;

		@Option(names = "--kind", required = true, description = "feed, json-listing or html-listing.")
		String kind;

		@Option(names = "--url", required = true, description = "Feed or listing URL (repeatable).")
		List<String> url;

		@Option(names = "--language", description = "ISO 639-1 language of its items, e.g. en.")
		String language;

		@Option(names = "--country", description = "ISO 3166-1 code of the publisher.")
		String country;

		@Option(names = "--media", defaultValue = "false", description = "A media outlet, not an official source.")
		boolean media;

		@Option(names = "--schedule-minutes", defaultValue = "30", description = "Minutes between checks.")
		int scheduleMinutes;

		@Option(names = "--title-selector", description = "CSS selector of the title on article pages.")
		String titleSelector;

		@Option(names = "--date-selector", description = "CSS selector of the publication date.")
		String dateSelector;

		@Option(names = "--body-selector", description = "CSS selector of the main text.")
		String bodySelector;

		@Option(names = "--author-selector", description = "CSS selector of the author.")
		String authorSelector;

		@Option(names = "--remove", description = "CSS selector of elements to remove (repeatable).")
		List<String> remove;

		@Option(names = "--item-links", description = "html-listing: CSS selector of the article links.")
		String itemLinks;

		@Option(names = "--zone", description = "Time zone of dates printed on its pages, e.g. Europe/Warsaw.")
		String zone;

		@Option(names = "--setting", description = "A setting as in sources.yaml, e.g. --setting item_title=.title "
				+ "(repeatable; see README \"Sources\").")
		Map<String, String> setting;

		AddSource(SourceEditor sources, UrlPolicy urls) {
			this.sources = sources;
			this.urls = urls;
		}

		@Override
		public Integer call() {
			if (!List.of("feed", "json-listing", "html-listing").contains(this.kind)) {
				throw new CommandLine.ParameterException(this.spec.commandLine(),
						"--kind must be feed, json-listing or html-listing");
			}
			for (String candidate : this.url) {
				try {
					this.urls.check(candidate);
				}
				catch (IllegalArgumentException ex) {
					throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
				}
			}
			String slug = (this.key != null) ? this.key
					: java.text.Normalizer.normalize(this.name, java.text.Normalizer.Form.NFD)
						.replaceAll("\\p{M}", "")
						.toLowerCase(java.util.Locale.ROOT)
						.replaceAll("[^a-z0-9]+", "-")
						.replaceAll("^-|-$", "");
			Map<String, Object> settings = new LinkedHashMap<>();
			if (this.setting != null) {
				settings.putAll(this.setting);
			}
			if (this.itemLinks != null) {
				settings.put("item_links", this.itemLinks);
			}
			if (this.zone != null) {
				settings.put("zone", this.zone);
			}
			long id;
			try {
				SourceDeclaration declaration = new SourceDeclaration(slug, this.name, this.kind, !this.media,
						this.country, this.language, this.url,
						new Selectors(this.titleSelector, this.dateSelector, this.bodySelector, this.authorSelector,
								(this.remove != null) ? this.remove : List.of()),
						SourceSettings.of(slug, settings), this.scheduleMinutes, true);
				id = this.sources.put(declaration).id();
			}
			catch (IllegalArgumentException ex) {
				throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
			}
			PrintWriter out = this.spec.commandLine().getOut();
			out.println("source " + slug + " saved (id " + id + ")");
			out.flush();
			return 0;
		}

	}

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "Add or update the sources declared in a YAML file (the format of db/sources/sources.yaml).")
	static class ImportSources implements Callable<Integer> {

		private final SourceEditor sources;

		private final UrlPolicy urls;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "FILE", description = "YAML file with a top-level 'sources:' list.")
		Path file;

		ImportSources(SourceEditor sources, UrlPolicy urls) {
			this.sources = sources;
			this.urls = urls;
		}

		@Override
		public Integer call() throws IOException {
			List<String> saved = new ArrayList<>();
			try (InputStream in = Files.newInputStream(this.file)) {
				List<SourceDeclaration> declarations = SourceYaml.read(in);
				for (SourceDeclaration declaration : declarations) {
					declaration.urls().forEach(this.urls::check);
				}
				// All or none: one bad source leaves every source as it was.
				this.sources.putAll(declarations).forEach((source) -> saved.add(source.key()));
			}
			catch (IllegalArgumentException ex) {
				throw new CommandLine.ParameterException(this.spec.commandLine(), this.file + ": " + ex.getMessage());
			}
			PrintWriter out = this.spec.commandLine().getOut();
			out.println("imported " + saved.size() + " source(s): " + String.join(", ", saved));
			out.flush();
			return 0;
		}

	}

}
