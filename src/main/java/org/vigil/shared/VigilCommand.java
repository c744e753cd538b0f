package org.vigil.shared;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root of Vigil's command line; the commands themselves come from the features. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilVersion.class,
		synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
		description = "Vigil watches defence and security sources and keeps their statements on a timeline.%n"
				+ "Without a command, 'java -jar vigil.jar' starts the web application.",
		footer = "%nRun 'vigil COMMAND --help' for a command's options.")
class VigilCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Option(names = "--verbose", description = "Log to the console while the command runs.",
			scope = picocli.CommandLine.ScopeType.INHERIT)
	boolean verbose;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "a command is required");
	}

}
