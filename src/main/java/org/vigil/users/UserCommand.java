package org.vigil.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;

/**
 * {@code user}: create and list accounts from the command line (the first admin,
 * scripts).
 */
@Component
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add, list and change accounts.",
		subcommands = { UserCommand.AddUser.class, UserCommand.ListUsers.class, UserCommand.SetPassword.class })
class UserCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "a subcommand is required");
	}

	/**
	 * The first line of standard input: passwords never go on the command line, where
	 * other users of the machine and the shell history would see them.
	 */
	static String readPassword(CommandSpec spec) {
		try {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			if (line == null || line.isEmpty()) {
				throw new CommandLine.ParameterException(spec.commandLine(),
						"--password-stdin: standard input was empty; pipe the password in, e.g. printf '%s' \"$PW\" | vigil user add ...");
			}
			return line;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the password from standard input: " + ex.getMessage(), ex);
		}
	}

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Create an account; the password is read from standard input.")
	static class AddUser implements Callable<Integer> {

		private final Accounts accounts;

		private final Passwords passwords;

		@Spec
		CommandSpec spec;

		@Option(names = "--email", required = true, description = "E-mail address, the login name.")
		String email;

		@Option(names = "--admin", description = "Make the account an admin (default: analyst).")
		boolean admin;

		@Option(names = "--name", description = "Display name.")
		String name;

		@Option(names = "--time-zone", defaultValue = "UTC",
				description = "IANA time zone (default: ${DEFAULT-VALUE}).")
		String timeZone;

		@Option(names = "--password-stdin", required = true,
				description = "Read the password from the first line of standard input.")
		boolean passwordStdin;

		AddUser(Accounts accounts, Passwords passwords) {
			this.accounts = accounts;
			this.passwords = passwords;
		}

		@Override
		public Integer call() {
			String password = readPassword(this.spec);
			try {
				Account account = this.accounts.create(this.email, this.name, this.admin ? Role.ADMIN : Role.ANALYST,
						this.passwords.hash(password, this.email), this.timeZone);
				PrintWriter out = this.spec.commandLine().getOut();
				out.printf("Created %s %s (id %d).%n", account.isAdmin() ? "admin" : "analyst", account.email(),
						account.id());
				out.flush();
				return 0;
			}
			catch (AccountProblem ex) {
				throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
			}
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
	static class ListUsers implements Callable<Integer> {

		private final Accounts accounts;

		@Spec
		CommandSpec spec;

		ListUsers(Accounts accounts) {
			this.accounts = accounts;
		}

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			out.printf("%-5s %-32s %-8s %-8s %-20s %s%n", "ID", "EMAIL", "ROLE", "ENABLED", "TIME ZONE", "LAST LOGIN");
			for (Account account : this.accounts.list()) {
				out.printf("%-5d %-32s %-8s %-8s %-20s %s%n", account.id(), account.email(), account.role().column(),
						!account.enabled() ? "no" : account.activated() ? "yes" : "invited", account.timeZone(),
						(account.lastLoginAt() != null) ? account.lastLoginAt() : "never");
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "set-password", mixinStandardHelpOptions = true,
			description = "Set an account's password, read from standard input.")
	static class SetPassword implements Callable<Integer> {

		private final Accounts accounts;

		private final Passwords passwords;

		@Spec
		CommandSpec spec;

		@Option(names = "--email", required = true, description = "The account's e-mail address.")
		String email;

		@Option(names = "--password-stdin", required = true,
				description = "Read the password from the first line of standard input.")
		boolean passwordStdin;

		SetPassword(Accounts accounts, Passwords passwords) {
			this.accounts = accounts;
			this.passwords = passwords;
		}

		@Override
		public Integer call() {
			Account account = this.accounts.findByEmail(this.email)
				.orElseThrow(() -> new CommandLine.ParameterException(this.spec.commandLine(),
						"there is no account for " + this.email));
			try {
				this.accounts.setPasswordHash(account.id(),
						this.passwords.hash(readPassword(this.spec), account.email()));
			}
			catch (AccountProblem ex) {
				throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
			}
			this.spec.commandLine().getOut().printf("Password set for %s.%n", account.email());
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

}
