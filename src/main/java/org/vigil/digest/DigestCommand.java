package org.vigil.digest;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;
import org.vigil.users.Account;
import org.vigil.users.Accounts;

/**
 * {@code digest run}: sends the digests that are due now, by hand, under the same
 * exactly-once record as the scheduler (a digest already sent this week is not sent
 * again).
 */
@Component
@Command(name = "digest", mixinStandardHelpOptions = true, description = "The weekly e-mail digest.",
		subcommands = { DigestCommand.Run.class })
class DigestCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "a subcommand is required");
	}

	@Command(name = "run", mixinStandardHelpOptions = true,
			description = "Send the digests that are due now and not yet sent; prints sent, skipped and failed.")
	static class Run implements Callable<Integer> {

		private final DigestService digests;

		private final Accounts accounts;

		@Spec
		CommandSpec spec;

		@Option(names = "--user", paramLabel = "EMAIL", description = "Only this user's digest.")
		String user;

		Run(DigestService digests, Accounts accounts) {
			this.digests = digests;
			this.accounts = accounts;
		}

		@Override
		public Integer call() {
			Long only = null;
			if (this.user != null) {
				only = this.accounts.findByEmail(this.user)
					.map(Account::id)
					.orElseThrow(() -> new CommandLine.ParameterException(this.spec.commandLine(),
							"--user: there is no account for " + this.user));
			}
			DigestService.Outcome outcome = this.digests.run("command", only);
			PrintWriter out = this.spec.commandLine().getOut();
			if (outcome.runId() == null) {
				out.println("No digest is due" + ((this.user != null) ? " for " + this.user : "") + ".");
			}
			out.printf("sent %d, skipped %d, failed %d%s%n", outcome.sent(), outcome.skipped(), outcome.failed(),
					(outcome.retrying() > 0) ? ", " + outcome.retrying() + " to retry later" : "");
			out.flush();
			return (outcome.failed() > 0) ? 1 : 0;
		}

	}

}
