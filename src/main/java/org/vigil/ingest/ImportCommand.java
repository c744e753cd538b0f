package org.vigil.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SourceRepository sources;

	private final Ingestor ingestor;

	private final Clock clock;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "HTML or text files.")
	List<Path> files;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD",
			description = "Publication date for files whose text carries none (saved text captures often do not).")
	LocalDate date;

	@Option(names = "--url", paramLabel = "ORIGINAL_URL",
			description = "Where the document was published; with several files, use one run per file.")
	URI originalUrl;

	ImportCommand(SourceRepository sources, Ingestor ingestor, Clock clock) {
		this.sources = sources;
		this.ingestor = ingestor;
		this.clock = clock;
	}

	@Override
	public Integer call() throws IOException {
		if (this.originalUrl != null && this.files.size() > 1) {
			throw new ParameterException(this.spec.commandLine(), "--url names one document; import one file per run");
		}
		Source manual = this.sources.findByKey("manual")
			.orElseThrow(() -> new IllegalStateException("the 'manual' source is missing (migration V10)"));
		PrintWriter out = this.spec.commandLine().getOut();
		for (Path file : this.files) {
			byte[] body = Files.readAllBytes(file);
			String url = (this.originalUrl != null) ? this.originalUrl.toString()
					: file.toAbsolutePath().normalize().toUri().toString();
			Extraction extraction = withFallbackDate(this.ingestor.extract(manual, url, body, null, Hints.NONE));
			ItemDraft.RawCapture capture = new ItemDraft.RawCapture(url, this.clock.instant(), 200,
					Extractor.looksLikeHtml(new String(body, 0, Math.min(body.length, 2048),
							java.nio.charset.StandardCharsets.ISO_8859_1)) ? "text/html" : "text/plain",
					null, body, JSON.writeValueAsString(Map.of("file", file.toString())));
			ItemStore.Stored stored = this.ingestor.store(manual, url, extraction, null, capture, null);
			out.println(stored.outcome().name().toLowerCase(java.util.Locale.ROOT) + " item " + stored.itemId() + " "
					+ file + ": " + extraction.title());
		}
		out.flush();
		return 0;
	}

	/**
	 * The date the operator gave, for a document whose text has none; a date read from it
	 * wins.
	 */
	private Extraction withFallbackDate(Extraction extraction) {
		if (extraction.published() != null || this.date == null) {
			return extraction;
		}
		return new Extraction(extraction.title(), extraction.canonicalUrl(),
				PublishedDate.ofDate(this.date, this.date.toString()), extraction.language(), extraction.type(),
				extraction.author(), extraction.bodyHtml(), extraction.bodyText(), extraction.partial());
	}

}
