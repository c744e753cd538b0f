package org.vigil.searches;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.vigil.timeline.TimelineSearch;

/**
 * Writes matches as CSV (RFC 4180 quoting by Commons CSV) with every text cell guarded
 * against formula injection: a cell a spreadsheet would run as a formula gets a leading
 * single quote.
 */
final class SearchCsv {

	static final List<String> HEADER = List.of("published", "first_seen", "source", "type", "title", "url", "entities",
			"vigil_url");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private final CSVPrinter printer;

	SearchCsv(Writer out) throws IOException {
		this.printer = new CSVPrinter(out, FORMAT);
		this.printer.printRecord(HEADER);
	}

	/**
	 * One row; {@code url} is the item's original address, {@code vigilUrl} its page
	 * here.
	 */
	void write(TimelineSearch.Match match, String url, String vigilUrl) throws IOException {
		this.printer.printRecord(published(match), match.firstSeenAt().toString(), guard(match.sourceName()),
				guard(match.type()), guard(match.title()), guard(url),
				guard(match.entities().stream().map(TimelineSearch.Chip::name).collect(Collectors.joining("; "))),
				guard(vigilUrl));
	}

	void flush() throws IOException {
		this.printer.flush();
	}

	/**
	 * A cell that starts with = + - @ tab or carriage return would be a formula (or turn
	 * into one) in Excel, LibreOffice and Google Sheets; the quote makes it text.
	 */
	static String guard(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + value : value;
	}

	private static String published(TimelineSearch.Match match) {
		Instant published = match.publishedAt();
		if (published == null) {
			return "";
		}
		return match.dateOnly() ? LocalDate.ofInstant(published, ZoneOffset.UTC).toString() : published.toString();
	}

}
