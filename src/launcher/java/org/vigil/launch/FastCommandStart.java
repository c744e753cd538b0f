package org.vigil.launch;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command ({@code java -jar vigil.jar source list}) from an extracted copy of the
 * jar with a class-data-sharing archive, Spring Boot's recipe for fast starts done for the
 * user: most of a command's start is loading classes from the jars nested in
 * {@code vigil.jar}, which the extracted jar and the archive avoid (8.7 s → under 5 s on a
 * 2-core machine).
 *
 * <p>
 * The copy lives in {@code ~/.cache/vigil/fast-start/<jar>/<version>/}: made by the first
 * command after a build (Spring Boot's {@code -Djarmode=tools extract}), the archive written
 * at the end of that command and used by every later one. Anything that goes wrong here
 * leaves the command to run the ordinary way, in this JVM. {@code VIGIL_FAST_START=0} (or
 * {@code -Dvigil.fast-start=false}) turns it off.
 *
 * <p>
 * Java 8 API only, like {@link VigilLauncher}.
 */
final class FastCommandStart {

	/** Set on the child JVM, so that nothing starts a third one. */
	static final String LAUNCHED = "vigil.launched";

	private final Path jar;

	private final Path home;

	private final String javaHome;

	private FastCommandStart(Path jar, Path home, String javaHome) {
		this.jar = jar;
		this.home = home;
		this.javaHome = javaHome;
	}

	/**
	 * Runs the command in a child JVM and returns its exit code, or returns null when the
	 * command is to run in this JVM (not a command, turned off, not started from a jar, or
	 * the copy could not be made).
	 */
	static Integer run(String[] args) {
		if (!applies(args, System.getenv("VIGIL_FAST_START"), System.getProperty("vigil.fast-start"),
				System.getProperty("jarmode"), System.getProperty(LAUNCHED))) {
			return null;
		}
		try {
			Path jar = Paths.get(VigilLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			String userHome = System.getProperty("user.home");
			if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar") || userHome == null) {
				return null;
			}
			Path cache = Paths.get(userHome, ".cache", "vigil", "fast-start");
			return new FastCommandStart(jar, cache, System.getProperty("java.home")).launch(args);
		}
		catch (IOException | URISyntaxException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A command line is run from the copy when it names a command (its first word is not
	 * an option: the web application is started with none or with options only) and
	 * nothing turned the copy off.
	 */
	static boolean applies(String[] args, String env, String property, String jarMode, String launched) {
		if (args.length == 0 || args[0].startsWith("-")) {
			return false;
		}
		if ("0".equals(env) || "false".equalsIgnoreCase(env) || "false".equalsIgnoreCase(property)) {
			return false;
		}
		return jarMode == null && launched == null;
	}

	/** The tagger's methods, in the JVM's CompileCommand pattern syntax. */
	static final String TAGGER_METHODS = "org.vigil.tagging.*::*";

	/**
	 * JVM options for {@code tag}, a batch job on one thread that runs for seconds: the
	 * first-tier compiler only, whose code is ready at once, where the optimising one
	 * spent most of the run compiling (on a busy or one-core machine, on the command's
	 * core), and the serial collector, which starts faster than G1 and needs no threads of
	 * its own, with a young generation half the heap (the default is a third): everything
	 * the command finds in a file stays live until its JSON is written, so each young
	 * collection during the run copied all of it again (on a 40 MB text, one or two of 50-80
	 * ms each; with half the heap, none). All are standard options of every HotSpot JVM
	 * 17+; a collector the user chose is kept, with its own sizing (two collectors would
	 * stop the JVM), and -Xmn or -XX:NewSize given to {@code java} take precedence.
	 */
	static List<String> batchOptions(String[] args, List<String> given) {
		List<String> options = new ArrayList<String>();
		if (args.length == 0 || !"tag".equals(args[0])) {
			return options;
		}
		options.add("-XX:TieredStopAtLevel=1");
		// The tagger's own methods are compiled after a twentieth of the usual calls and
		// loops: a chunk's scan otherwise runs in the interpreter for its first tens of
		// thousands of chars. "quiet" keeps the JVM from echoing the command on standard
		// output, where the JSON goes.
		options.add("-XX:CompileCommand=quiet");
		options.add("-XX:CompileCommand=CompileThresholdScaling," + TAGGER_METHODS + ",0.05");
		boolean collectorGiven = false;
		for (String option : given) {
			collectorGiven |= option.startsWith("-XX:+Use") && option.endsWith("GC");
		}
		if (!collectorGiven) {
			options.add("-XX:+UseSerialGC");
			options.add("-XX:NewRatio=1");
		}
		return options;
	}

	private Integer launch(String[] args) throws IOException {
		Path versions = this.home.resolve(digest(this.jar.toAbsolutePath().toString()));
		Path version = versions.resolve(digest(Files.size(this.jar) + "|" + Files.getLastModifiedTime(this.jar).toMillis()
				+ "|" + this.javaHome + "|" + System.getProperty("java.vm.version")));
		Path app = version.resolve("app");
		if (!Files.isRegularFile(app.resolve(this.jar.getFileName()))) {
			removeOthers(versions, version);
			if (!extract(version, app)) {
				return null;
			}
		}
		Path archive = version.resolve("app.jsa");
		Path training = version.resolve("app.jsa." + ManagementFactory.getRuntimeMXBean().getName() + ".tmp");
		List<String> command = new ArrayList<String>();
		command.add(java());
		List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
		command.addAll(batchOptions(args, given));
		for (String argument : given) {
			// Options the user gave this JVM (-Dserver.port=…, -Xmx…) are the command's too,
			// and come later, so they win.
			command.add(argument);
		}
		boolean trained = Files.isRegularFile(archive);
		command.add(trained ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + training);
		// The JVM's own notes about the archive (made by another build, say) are not the
		// command's output, which is often JSON on standard output.
		command.add("-Xshare:auto");
		command.add("-Xlog:disable");
		command.add("-Xlog:all=error:stderr");
		command.add("-D" + LAUNCHED + "=true");
		command.add("-jar");
		command.add(app.resolve(this.jar.getFileName()).toString());
		for (String arg : args) {
			command.add(arg);
		}
		int exit = runChild(new ProcessBuilder(command).inheritIO());
		if (!trained && Files.isRegularFile(training)) {
			try {
				Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				// Another command wrote it first.
				Files.deleteIfExists(training);
			}
		}
		return exit;
	}

	/** Spring Boot's extraction into a folder of its own, moved into place when whole. */
	private boolean extract(Path version, Path app) throws IOException {
		Files.createDirectories(version);
		Path partial = Files.createTempDirectory(version, "extracting");
		Path log = version.resolve("extract.log");
		List<String> command = new ArrayList<String>();
		command.add(java());
		command.add("-Djarmode=tools");
		command.add("-jar");
		command.add(this.jar.toString());
		command.add("extract");
		command.add("--force");
		command.add("--destination");
		command.add(partial.resolve("app").toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
		Map<String, String> environment = builder.environment();
		environment.remove("JAVA_TOOL_OPTIONS");
		boolean extracted = runChild(builder) == 0
				&& Files.isRegularFile(partial.resolve("app").resolve(this.jar.getFileName()));
		try {
			if (extracted) {
				try {
					Files.move(partial.resolve("app"), app, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (IOException ex) {
					// Another command put its copy there first: use that one.
				}
			}
		}
		finally {
			delete(partial);
		}
		return Files.isRegularFile(app.resolve(this.jar.getFileName()));
	}

	/** Copies made for earlier builds of this jar take disk space for nothing. */
	private static void removeOthers(Path versions, Path keep) throws IOException {
		if (!Files.isDirectory(versions)) {
			return;
		}
		try (DirectoryStream<Path> children = Files.newDirectoryStream(versions)) {
			for (Path child : children) {
				if (!child.equals(keep)) {
					delete(child);
				}
			}
		}
	}

	/** Waits for the child; Ctrl-C or a kill of this JVM ends it too. */
	private static int runChild(ProcessBuilder builder) throws IOException {
		final Process child = builder.start();
		Thread stop = new Thread(new Runnable() {
			@Override
			public void run() {
				child.destroy();
			}
		}, "vigil-child-stop");
		Runtime.getRuntime().addShutdownHook(stop);
		try {
			boolean interrupted = false;
			while (true) {
				try {
					int exit = child.waitFor();
					if (interrupted) {
						Thread.currentThread().interrupt();
					}
					return exit;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(stop);
			}
			catch (IllegalStateException ex) {
				// Shutting down already: the hook runs.
			}
		}
	}

	private String java() {
		return Paths.get(this.javaHome, "bin", isWindows() ? "java.exe" : "java").toString();
	}

	private static boolean isWindows() {
		return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			StringBuilder hex = new StringBuilder();
			for (int i = 0; i < 8; i++) {
				hex.append(String.format("%02x", hash[i]));
			}
			return hex.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void delete(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		Files.walkFileTree(path, new SimpleFileVisitor<Path>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, IOException ex) throws IOException {
				Files.delete(directory);
				return FileVisitResult.CONTINUE;
			}
		});
	}

}
