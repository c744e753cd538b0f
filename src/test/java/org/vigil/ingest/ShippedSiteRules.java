package org.vigil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.vigil.sources.Selectors;
import org.vigil.sources.SourceDeclaration;
import org.vigil.sources.SourceYaml;

/**
 * The site rules of the shipped sources as {@code db/sources/sources.yaml} declares them,
 * read the way Vigil reads them, so that golden and template tests check the rules that
 * run in production and not a copy that drifts from them.
 */
final class ShippedSiteRules {

	static final Path FILE = Path.of("db/sources/sources.yaml");

	private static List<SourceDeclaration> declarations;

	private ShippedSiteRules() {
	}

	/** The rules of the shipped source with this key. */
	static synchronized Selectors of(String key) {
		if (declarations == null) {
			try (InputStream in = Files.newInputStream(FILE)) {
				declarations = SourceYaml.read(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return declarations.stream()
			.filter(declaration -> declaration.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no shipped source " + key + " in " + FILE))
			.selectors();
	}

}
