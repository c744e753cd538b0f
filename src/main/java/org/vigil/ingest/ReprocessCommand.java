package org.vigil.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.vigil.items.ItemStore;
import org.vigil.sources.Source;
import org.vigil.sources.SourceRepository;

/**
 * {@code reprocess}: runs extraction again over the stored raw captures (the newest per
 * item), so fixed selectors repair history without fetching. Changed items get a new
 * version; unchanged ones are not written.
 */
@Component
@Command(name = "reprocess", mixinStandardHelpOptions = true,
		description = "Re-extract items from their stored raw captures (after selectors changed).")
class ReprocessCommand implements Callable<Integer> {

	private final JdbcTemplate jdbc;

	private final SourceRepository sources;

	private final Ingestor ingestor;

	@Spec
	CommandSpec spec;

	@Option(names = "--source", paramLabel = "ID", description = "Only this source (key or numeric id).")
	String source;

	ReprocessCommand(JdbcTemplate jdbc, SourceRepository sources, Ingestor ingestor) {
		this.jdbc = jdbc;
		this.sources = sources;
		this.ingestor = ingestor;
	}

	@Override
	public Integer call() {
		Long sourceId = null;
		if (this.source != null) {
			sourceId = this.sources.findByKeyOrId(this.source)
				.map(Source::id)
				.orElseThrow(() -> new CommandLine.ParameterException(this.spec.commandLine(),
						"no source '" + this.source + "' (see 'vigil source list')"));
		}
		Map<Long, Source> cache = new HashMap<>();
		Map<ItemStore.Outcome, Integer> counts = new HashMap<>();
		int[] failed = { 0 };
		this.jdbc.query(
				"select distinct on (c.item_id) c.item_id, c.source_id, c.canonical_key, c.url, c.fetched_url, "
						+ "c.content_type, c.charset, c.body_gzip, c.extra ->> 'file' as file from item_capture_view c "
						+ "where (cast(? as bigint) is null or c.source_id = ?) order by c.item_id, c.fetched_at desc",
				rs -> {
					Source source = cache.computeIfAbsent(rs.getLong("source_id"),
							id -> this.sources.findById(id).orElseThrow());
					try {
						byte[] body = gunzip(rs.getBytes("body_gzip"));
						ItemStore.Stored stored;
						if ("application/json".equals(rs.getString("content_type"))
								&& source.settings().contentApi() != null) {
							GovUkContent.Item item = GovUkContent.read(body, rs.getString("url"));
							stored = this.ingestor.store(source, item.pageUrl(), item.extraction(),
									rs.getString("canonical_key"), null, null, item.withdrawnAt(),
									item.withdrawnNote());
						}
						else {
							Extraction extraction = this.ingestor.extract(source, rs.getString("fetched_url"), body,
									rs.getString("charset"), Hints.NONE);
							if (rs.getString("file") != null) {
								// An imported file: its title and date come from the
								// document, as when it was imported.
								extraction = ImportedDocument.read(
										Charsets.decode(body, rs.getString("charset"), source.language()).text(),
										extraction, rs.getString("fetched_url"), source.zone());
							}
							stored = this.ingestor.store(source, rs.getString("url"), extraction,
									rs.getString("canonical_key"), null, null);
						}
						counts.merge(stored.outcome(), 1, Integer::sum);
					}
					catch (RuntimeException ex) {
						failed[0]++;
					}
				}, sourceId, sourceId);
		PrintWriter out = this.spec.commandLine().getOut();
		out.printf("reprocessed %d item(s): %d updated, %d unchanged, %d failed%n",
				counts.values().stream().mapToInt(Integer::intValue).sum() + failed[0],
				counts.getOrDefault(ItemStore.Outcome.UPDATED, 0), counts.getOrDefault(ItemStore.Outcome.UNCHANGED, 0),
				failed[0]);
		out.flush();
		return 0;
	}

	private static byte[] gunzip(byte[] gzip) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
