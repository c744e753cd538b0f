package org.vigil.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;

import org.vigil.items.ItemDraft;
import org.vigil.items.ItemStore;
import org.vigil.sources.Source;
import org.vigil.sources.SourceRepository;

/** {@code import}: stores local HTML or text files as items of the "manual" source. */
@Component
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Store local HTML or text files as items of the 'manual' source (boilerplate removed).")
class ImportCommand implements Callable<Integer> {

	private final SourceRepository sources;

	private final Ingestor ingestor;

	private final Clock clock;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "HTML or text files.")
	List<Path> files;

	ImportCommand(SourceRepository sources, Ingestor ingestor, Clock clock) {
		this.sources = sources;
		this.ingestor = ingestor;
		this.clock = clock;
	}

	@Override
	public Integer call() throws IOException {
		Source manual = this.sources.findByKey("manual")
			.orElseThrow(() -> new IllegalStateException("the 'manual' source is missing (migration V10)"));
		PrintWriter out = this.spec.commandLine().getOut();
		for (Path file : this.files) {
			byte[] body = Files.readAllBytes(file);
			String url = file.toAbsolutePath().normalize().toUri().toString();
			Extraction extraction = this.ingestor.extract(manual, url, body, null, Hints.NONE);
			ItemDraft.RawCapture capture = new ItemDraft.RawCapture(url, this.clock.instant(), 200,
					Extractor.looksLikeHtml(new String(body, 0, Math.min(body.length, 2048),
							java.nio.charset.StandardCharsets.ISO_8859_1)) ? "text/html" : "text/plain",
					null, body,
					"{\"file\":" + tools.jackson.databind.json.JsonMapper.builder()
						.build()
						.writeValueAsString(file.toString()) + "}");
			ItemStore.Stored stored = this.ingestor.store(manual, url, extraction, null, capture, null);
			out.println(stored.outcome().name().toLowerCase(java.util.Locale.ROOT) + " item " + stored.itemId() + " "
					+ file + ": " + extraction.title());
		}
		out.flush();
		return 0;
	}

}
