package org.vigil.items;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;

/** {@code item}: corrections to stored items. */
@Component
@Command(name = "item", mixinStandardHelpOptions = true, description = "Correct stored items.",
		subcommands = { ItemCommand.SetDate.class })
class ItemCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "a subcommand is required");
	}

	@Command(name = "set-date", mixinStandardHelpOptions = true,
			description = "Set an item's publication date (an item without one is not on the timeline).")
	static class SetDate implements Callable<Integer> {

		private final ItemEdits edits;

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "ID", description = "The item's id (as 'import' prints it).")
		long id;

		@Parameters(index = "1", paramLabel = "DATE",
				description = "YYYY-MM-DD, or a time with its offset such as 2026-07-07T14:05:00+02:00.")
		String date;

		SetDate(ItemEdits edits) {
			this.edits = edits;
		}

		@Override
		public Integer call() {
			PublicationDates published;
			try {
				published = PublicationDates.parse(this.date);
			}
			catch (IllegalArgumentException ex) {
				throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
			}
			if (!this.edits.setPublished(this.id, published.instant(), published.precision(), published.raw())) {
				throw new CommandLine.ParameterException(this.spec.commandLine(), "there is no item " + this.id);
			}
			PrintWriter out = this.spec.commandLine().getOut();
			out.println("item " + this.id + " published " + published.raw() + ": it is on the timeline");
			out.flush();
			return 0;
		}

	}

}
