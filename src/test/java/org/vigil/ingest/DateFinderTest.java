package org.vigil.ingest;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.vigil.sources.Selectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's date from its metadata, or, when it has no date element, from its heading,
 * with the precision the page gave.
 */
class DateFinderTest {

	static PublishedDate date(String head, String body) {
		String page = "<html><head>" + head + "</head><body>" + body + "<p>"
				+ "The minister opened the new depot today. ".repeat(10) + "</p></body></html>";
		return Extractor
			.extract("https://example.org/a", page, Selectors.NONE, Hints.NONE, ZoneId.of("America/New_York"), "en")
			.published();
	}

	@Test
	void aSitesOwnFirstPublishedMetaGivesTheMoment() {
		PublishedDate date = date(
				"<meta name=\"example:first-published-at\" content=\"2025-11-20T09:30:00.000+00:00\">",
				"<h1>Minister opens depot</h1>");
		assertThat(date.iso()).isEqualTo("2025-11-20T09:30:00Z");
		assertThat(date.precision()).isEqualTo(PublishedDate.Precision.TIME);
	}

	@Test
	void theParselyPublicationDateIsRead() {
		PublishedDate date = date("<meta name=\"parsely-pub-date\" content=\"2024-04-20T04:20:00.000Z\">",
				"<h1>Minister opens depot</h1>");
		assertThat(date.iso()).isEqualTo("2024-04-20T04:20:00Z");
	}

	@Test
	void aPageWithoutDateElementTakesTheDayFromItsHeading() {
		PublishedDate date = date("<title>Contracts For Sept. 30, 2025</title>",
				"<h1>Contracts For Sept. 30, 2025</h1>");
		assertThat(date.iso()).isEqualTo("2025-09-30");
		assertThat(date.precision()).isEqualTo(PublishedDate.Precision.DATE);
	}

}
