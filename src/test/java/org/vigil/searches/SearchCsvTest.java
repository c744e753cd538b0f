package org.vigil.searches;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.vigil.timeline.TimelineSearch;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV rows: quoting and the formula-injection guard, without a server. */
class SearchCsvTest {

	@Test
	void cellsThatASpreadsheetWouldRunAsFormulasBecomeText() {
		for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
			assertThat(SearchCsv.guard(formula)).as(formula).isEqualTo("'" + formula);
		}
		assertThat(SearchCsv.guard("NATO says =1")).isEqualTo("NATO says =1");
		assertThat(SearchCsv.guard(null)).isEmpty();
	}

	@Test
	void titlesWithQuotesCommasAndLineBreaksSurviveARoundTrip() throws Exception {
		StringWriter out = new StringWriter();
		SearchCsv csv = new SearchCsv(out);
		TimelineSearch.Match match = new TimelineSearch.Match(7, "He said \"no\",\nthen left", "speech",
				Instant.parse("2026-03-01T00:00:00Z"), true, Instant.parse("2026-03-02T10:00:00Z"), "mod", "MoD",
				"Official", List.of(new TimelineSearch.Chip("country", "PL", "Poland"),
						new TimelineSearch.Chip("person", "x", "-Minus Person")));
		csv.write(match, "https://example.org/a?b=1,2", "https://vigil.example.org/items/7");
		csv.flush();
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
		assertThat(records).hasSize(2);
		assertThat(records.get(1).values()).containsExactly("2026-03-01", "2026-03-02T10:00:00Z", "MoD", "speech",
				"He said \"no\",\nthen left", "https://example.org/a?b=1,2", "Poland; -Minus Person",
				"https://vigil.example.org/items/7");
		assertThat(out.toString()).startsWith("published,first_seen,source,type,title,url,entities,vigil_url\r\n");
	}

	@Test
	void fileNamesKeepLettersAndDigitsOnly() {
		assertThat(SearchExportController.fileName("Poland / K2: deliveries")).isEqualTo("Poland-K2-deliveries");
		assertThat(SearchExportController.fileName("Łódź")).isEqualTo("Łódź");
		assertThat(SearchExportController.fileName("///")).isEqualTo("saved-search");
	}

	@Test
	void editFieldsAndQueryStringsTranslateBothWays() {
		assertThat(FilterFields.values("q=air%20defence&country=PL&country=DE&range=7d"))
			.containsEntry("q", "air defence")
			.containsEntry("country", "PL, DE")
			.containsEntry("range", "7d")
			.containsEntry("person", "");
		assertThat(FilterFields.parse("https://vigil.example.org/?country=PL&q=a+b#top").toSingleValueMap())
			.containsEntry("country", "PL")
			.containsEntry("q", "a b");
		assertThat(FilterFields.parse("https://vigil.example.org/")).isEmpty();
		assertThat(FilterFields.parameters(java.util.Map.of("country", " PL ,, DE", "q", " ", "range", "30d")))
			.containsEntry("country", List.of("PL", "DE"))
			.containsEntry("range", List.of("30d"))
			.doesNotContainKey("q");
	}

}
