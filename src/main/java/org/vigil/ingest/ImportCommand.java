package org.vigil.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.vigil.items.ItemEdits;
import org.vigil.items.ItemStore;
import org.vigil.sources.Source;
import org.vigil.sources.SourceRepository;

/**
 * {@code import}: stores local HTML or text files as items, by default of the "manual"
 * source (badged "Imported"). The title and date come from the document; a file imported
 * again (same address, or same content) updates its item.
 */
@Component
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Store local HTML or text files as items (boilerplate removed); a file imported again "
				+ "updates its item.")
class ImportCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> TYPES = List.of("press-release", "speech", "news", "statement", "other");

	private final SourceRepository sources;

	private final Ingestor ingestor;

	private final ItemEdits edits;

	private final Clock clock;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "HTML or text files.")
	List<Path> files;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD",
			description = "Publication date (wins over a date read from the document).")
	LocalDate date;

	@Option(names = "--url", paramLabel = "ORIGINAL_URL",
			description = "Where the document was published; with several files, use one run per file.")
	URI originalUrl;

	@Option(names = "--source", paramLabel = "KEY",
			description = "The source the document comes from, e.g. nato or defence24 (its badge: Official or "
					+ "Media); default: manual, badged Imported.")
	String sourceKey;

	@Option(names = "--type", paramLabel = "TYPE",
			description = "press-release, speech, news, statement or other (default: guessed from the document).")
	String type;

	ImportCommand(SourceRepository sources, Ingestor ingestor, ItemEdits edits, Clock clock) {
		this.sources = sources;
		this.ingestor = ingestor;
		this.edits = edits;
		this.clock = clock;
	}

	@Override
	public Integer call() throws IOException {
		if (this.originalUrl != null && this.files.size() > 1) {
			throw new ParameterException(this.spec.commandLine(), "--url names one document; import one file per run");
		}
		if (this.type != null && !TYPES.contains(this.type)) {
			throw new ParameterException(this.spec.commandLine(),
					"--type must be one of " + String.join(", ", TYPES) + ", not '" + this.type + "'");
		}
		Source source = source();
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		for (Path file : this.files) {
			if (!Files.isRegularFile(file)) {
				throw new ParameterException(this.spec.commandLine(), "no such file: " + file);
			}
		}
		for (Path file : this.files) {
			Imported imported = importFile(source, file);
			out.println(imported.outcome() + " item " + imported.id() + " " + file + ": " + imported.title());
			out.flush();
			if (!imported.dated()) {
				err.println("import: warning: item " + imported.id() + " (" + file
						+ ") has no publication date, so it is not on the timeline until one is set: "
						+ "vigil item set-date " + imported.id() + " YYYY-MM-DD, or the form on its page");
				err.flush();
			}
		}
		return 0;
	}

	private record Imported(long id, String outcome, String title, boolean dated) {

	}

	private Source source() {
		String key = (this.sourceKey != null) ? this.sourceKey : "manual";
		Source source = this.sources.findByKeyOrId(key)
			.orElseThrow(() -> (this.sourceKey != null)
					? new ParameterException(this.spec.commandLine(),
							"no source '" + this.sourceKey + "' (see 'vigil source list')")
					: new IllegalStateException("the 'manual' source is missing (migration V10)"));
		if (source.kind().equals("synthetic")) {
			throw new ParameterException(this.spec.commandLine(), "demo data is not a source to import into");
		}
		return source;
	}

	private Imported importFile(Source source, Path file) throws IOException {
		byte[] body = Files.readAllBytes(file);
		String url = (this.originalUrl != null) ? this.originalUrl.toString()
				: file.toAbsolutePath().normalize().toUri().toString();
		Hints hints = new Hints(null, null, null, this.type, null);
		Extraction extracted = this.ingestor.extract(source, url, body, null, hints);
		String content = Charsets.decode(body, null, source.language()).text();
		Extraction extraction = ImportedDocument.read(content, extracted, url, source.zone());
		if (this.date != null) {
			extraction = new Extraction(extraction.title(), extraction.canonicalUrl(),
					PublishedDate.ofDate(this.date, this.date.toString()), extraction.language(), extraction.type(),
					extraction.author(), extraction.bodyHtml(), extraction.bodyText(), extraction.partial());
		}
		String title = extraction.title();
		PublishedDate published = extraction.published();

		// The item this file made before: the same address, else the same content.
		String key = this.ingestor.keyOf(url, extraction.canonicalUrl());
		String hash = ItemStore
			.contentHash(new ItemDraft(source.id(), key, url, title, extraction.type(), extraction.language(), null,
					null, null, null, null, extraction.bodyHtml(), extraction.bodyText(), false, null, null, null));
		Optional<ItemEdits.Known> earlier = this.edits.findByKeyOrContent(key, hash);
		String storeKey = earlier.map(ItemEdits.Known::canonicalKey).orElse(key);

		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("file", file.toString());
		extra.put("sha256", sha256(body));
		ItemDraft.RawCapture capture = new ItemDraft.RawCapture(url, this.clock.instant(), 200,
				Extractor.looksLikeHtml(new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1))
						? "text/html" : "text/plain",
				null, body, JSON.writeValueAsString(extra));
		ItemStore.Stored stored = this.ingestor.store(source, url, extraction, storeKey, capture, null);
		String outcome = stored.outcome().name().toLowerCase(Locale.ROOT);
		long id = stored.itemId();
		// Only what the operator said moves an item: a plain re-import leaves a crawled
		// or re-filed item where it is.
		if (earlier.isPresent()
				&& (this.sourceKey != null && earlier.get().sourceId() != source.id() || this.type != null)) {
			this.edits.relabel(id, source.id(), this.type);
			outcome = "updated";
		}
		boolean dated = published != null && published.instant() != null;
		if (dated && stored.outcome() == ItemStore.Outcome.UNCHANGED) {
			// Content unchanged, but the date given now may be new.
			ItemEdits.Known known = this.edits.find(id).orElseThrow();
			if (!published.instant().equals(known.publishedAt())) {
				this.edits.setPublished(id, published.instant(), published.precision().label(), published.raw());
				outcome = "updated";
			}
		}
		if (!dated) {
			dated = this.edits.find(id).map((known) -> known.publishedAt() != null).orElse(false);
		}
		return new Imported(id, outcome, title, dated);
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
