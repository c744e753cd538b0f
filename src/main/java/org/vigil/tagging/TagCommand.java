package org.vigil.tagging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** {@code tag}: prints the entities each file names, one JSON object per file. */
@Component
@Command(name = "tag", mixinStandardHelpOptions = true,
		description = "Tag text files with the countries, people, programmes and organisations they name, "
				+ "using the gazetteer in the database. Prints one JSON object per file, one per line. "
				+ "Lines that are only a markdown image link (![caption](url)) are ignored.")
class TagCommand implements Callable<Integer> {

	private final GazetteerSnapshots snapshots;

	private final Clock clock;

	private static final Logger log = LoggerFactory.getLogger(TagCommand.class);

	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	@Spec
	CommandSpec spec;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD",
			description = "Publication date: roles resolve to whoever held them then (default: today).")
	LocalDate date;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "Text files (UTF-8).")
	List<Path> files;

	TagCommand(GazetteerSnapshots snapshots, Clock clock) {
		this.snapshots = snapshots;
		this.clock = clock;
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter out = this.spec.commandLine().getOut();
		for (Path file : this.files) {
			if (!Files.isRegularFile(file)) {
				throw new CommandLine.ParameterException(this.spec.commandLine(), "no such file: " + file);
			}
		}
		Gazetteer gazetteer = this.snapshots.current();
		LocalDate on = (this.date != null) ? this.date : LocalDate.now(this.clock);
		for (Path file : this.files) {
			tagFile(file, gazetteer, on, out);
		}
		out.flush();
		return 0;
	}

	/**
	 * Tags one file and writes its JSON object and a line break; logs the time from
	 * reading the file to writing its JSON.
	 */
	static void tagFile(Path file, Gazetteer gazetteer, LocalDate on, PrintWriter out) throws IOException {
		long started = System.nanoTime();
		long cpuStarted = CPU.getCurrentThreadCpuTime();
		// Read in chunks: a large file never needs token arrays for all of it.
		List<Tagger.Mention> mentions;
		TextChunks chunks;
		try (Reader reader = new Utf8Reader(Files.newInputStream(file))) {
			chunks = new TextChunks(reader, TextChunks.DEFAULT_CHARS);
			mentions = Tagger.tag(gazetteer, chunks, new Tagger.Context(on, Set.of()));
		}
		TagReport.write(out, file.toString(), gazetteer, mentions);
		out.println();
		// CPU time as well as wall time: on a busy machine only the first says what
		// tagging costs.
		log.info("Tagged file={} chars={} mentions={} cpuMillis={} millis={}", file, chunks.consumed(), mentions.size(),
				(CPU.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
	}

}
