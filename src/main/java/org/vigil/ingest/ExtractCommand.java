package org.vigil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import org.vigil.sources.SourceDeclaration;
import org.vigil.sources.SourceYaml;

/**
 * {@code extract}: what Vigil would read from pages, one JSON line per input, without the
 * database. Pages of a shipped source's site get its site rules.
 */
@Component
@Command(name = "extract", mixinStandardHelpOptions = true,
		description = "Extract title, date, language, type, author and text from files or URLs; one JSON object per input per line, in order. Does not store anything.")
class ExtractCommand implements Callable<Integer> {

	private final Fetcher fetcher;

	@Spec
	CommandSpec spec;

	@Option(names = "--url", paramLabel = "ORIGINAL_URL",
			description = "The URL the file(s) came from: resolves links and picks the site's rules.")
	String url;

	@Option(names = "--language", description = "Language to assume when the text does not tell (ISO 639-1).")
	String language;

	@Parameters(paramLabel = "FILE_OR_URL", arity = "1..*", description = "HTML or text files, or http(s) URLs.")
	List<String> inputs;

	ExtractCommand(Fetcher fetcher) {
		this.fetcher = fetcher;
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter out = this.spec.commandLine().getOut();
		List<SourceDeclaration> shipped;
		try (InputStream in = new ClassPathResource("db/sources/sources.yaml").getInputStream()) {
			shipped = SourceYaml.read(in);
		}
		int failures = 0;
		for (String input : this.inputs) {
			boolean remote = input.matches("(?i)^https?://.+");
			String pageUrl = (this.url != null) ? this.url : remote ? input : Path.of(input).toUri().toString();
			try {
				byte[] body;
				String charset = null;
				if (remote) {
					Fetched fetched = this.fetcher.get(input);
					Ingestor.requirePage(fetched);
					body = fetched.body();
					charset = fetched.charset();
					pageUrl = (this.url != null) ? this.url : fetched.url();
				}
				else {
					body = Files.readAllBytes(Path.of(input));
				}
				SourceDeclaration site = siteOf(pageUrl, shipped);
				String language = (this.language != null) ? this.language : (site != null) ? site.language() : null;
				String text = Charsets.decode(body, charset, language).text();
				Extraction extraction = Extractor.extract(pageUrl, text, (site != null) ? site.selectors() : null,
						Hints.NONE, zoneOf(site), language);
				out.println(ExtractionJson.line(ExtractionJson.fields(remote ? null : input, pageUrl, extraction)));
			}
			catch (IOException | RuntimeException ex) {
				failures++;
				Map<String, Object> error = new LinkedHashMap<>();
				error.put("file", remote ? null : input);
				error.put("url", pageUrl);
				error.put("error", (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName());
				out.println(ExtractionJson.line(error));
			}
		}
		out.flush();
		return (failures > 0) ? 1 : 0;
	}

	private static SourceDeclaration siteOf(String url, List<SourceDeclaration> shipped) {
		String host = host(url);
		if (host == null) {
			return null;
		}
		for (SourceDeclaration source : shipped) {
			for (String sourceUrl : source.urls()) {
				String sourceHost = host(sourceUrl);
				if (sourceHost != null
						&& sourceHost.replaceFirst("^www\\.", "").equals(host.replaceFirst("^www\\.", ""))) {
					return source;
				}
			}
		}
		return null;
	}

	private static String host(String url) {
		try {
			return URI.create(url).getHost();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ZoneId zoneOf(SourceDeclaration site) {
		return (site != null) ? site.settings().zoneOrUtc() : ZoneOffset.UTC;
	}

}
