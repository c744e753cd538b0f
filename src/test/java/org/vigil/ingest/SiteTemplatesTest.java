package org.vigil.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.vigil.sources.Selectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The present templates of the shipped sources, and the ways extraction failed on them: a
 * share menu's "More…" read as the release, an empty body from a print view, the site's
 * suffix kept in a title, no date on a page that prints it only in its heading, and a
 * site rule's miss stored as if it were the article.
 */
class SiteTemplatesTest {

	static final Path DIR = Path.of("src/test/resources/extraction/templates");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	/** The us-dod rules as db/sources/sources.yaml ships them. */
	static final Selectors US_DOD = new Selectors("h1.maintitle", ".date-line span.date", "div.inside.ntext div.body",
			null, List.of("div.tags"));

	static Extraction extract(String file, String url, Selectors rules, ZoneId zone) throws IOException {
		String html = Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
		return Extractor.extract(url, html, rules, Hints.NONE, zone, "en");
	}

	@Test
	void aSiteRuleThatFindsOnlyTheShareMenuFallsBackToTheGenericExtractorAndSaysSo() throws IOException {
		Extraction release = extract("wargov-release-share-menu.html",
				"https://www.war.gov/News/Releases/Release/Article/4312345/", US_DOD, NEW_YORK);

		assertThat(release.bodyText()).isNotEqualTo("More…")
			.startsWith("The Department of War today announced contracts")
			.contains("The department will brief Congress on the purchases next week.")
			.doesNotContain("More…")
			.doesNotContain("Related")
			.doesNotContain("Air Defense Acquisition");
		assertThat(release.title()).isEqualTo("War Department Announces Air Defense Purchases");
		assertThat(release.published().iso()).isEqualTo("2025-09-15");
		assertThat(release.partial()).isTrue();
		assertThat(release.siteRuleMissed()).isTrue();
		assertThat(release.partialReason()).contains("div.inside.ntext div.body").contains("link text");
	}

	@Test
	void anArticleCsPrintViewInsideTheAspNetFormHasItsText() throws IOException {
		for (Selectors rules : List.of(Selectors.NONE, US_DOD)) {
			Extraction print = extract("articlecs-print-view.html",
					"https://www.war.gov/DesktopModules/ArticleCS/Print.aspx?PortalId=1&ModuleId=850&Article=4312399",
					rules, NEW_YORK);

			assertThat(print.bodyText()).as("with rules %s", rules)
				.contains("VILNIUS, Lithuania")
				.contains("where he watched a live-fire exercise.");
			assertThat(print.title()).isEqualTo("Secretary Meets Baltic Defense Ministers in Vilnius");
			assertThat(print.published().iso()).isEqualTo("2025-10-02");
		}
	}

	@Test
	void theRealArticleCsPrintViewCaptureHasItsTextWhenTheSharedFixturesArePresent() throws IOException {
		Path capture = Path.of("../shared/fixtures/us_dod/Print31c8.html");
		Assumptions.assumeTrue(Files.isRegularFile(capture), "no shared fixtures");
		Extraction print = Extractor.extract(
				"http://www.af.mil/DesktopModules/ArticleCS/Print.aspx?PortalId=1&ModuleId=850&Article=643126",
				Files.readString(capture, StandardCharsets.UTF_8), Selectors.NONE, Hints.NONE, NEW_YORK, "en");

		assertThat(print.bodyText()).contains("January 2016 marks the 25th anniversary of Desert Storm")
			.hasSizeGreaterThan(2000);
		assertThat(print.title()).isEqualTo("Gulf War created need for better critical care");
		assertThat(print.published().iso()).isEqualTo("2016-01-14");
	}

	@Test
	void aTitleIsThePageHeadingWithoutTheSitesSuffixOrTheHeadingsLabel() throws IOException {
		Extraction news = extract("govuk-older-news.html",
				"https://www.gov.uk/government/news/defence-secretary-announces-new-armoured-vehicles-contract",
				Selectors.NONE, ZoneId.of("Europe/London"));

		assertThat(news.title()).isEqualTo("Defence Secretary announces new armoured vehicles contract");
		assertThat(news.published().iso()).isEqualTo("2014-03-03");
		assertThat(news.bodyText()).startsWith("The Defence Secretary has today announced a contract");
	}

	@Test
	void theHeadTitleAloneLosesTheSitesSuffix() {
		String page = "<html><head><title>Minister opens depot - News - Inside Government - GOV.UK</title></head>"
				+ "<body><p>" + "The minister opened the new depot today. ".repeat(10) + "</p></body></html>";
		Extraction extraction = Extractor.extract("https://www.gov.uk/government/news/x", page, Selectors.NONE,
				Hints.NONE, ZoneId.of("UTC"), "en");

		assertThat(extraction.title()).isEqualTo("Minister opens depot");
	}

	@Test
	void theContractsPageTakesItsDateFromItsHeadingAsADate() throws IOException {
		Extraction contracts = extract("wargov-contracts.html",
				"https://www.war.gov/News/Contracts/Contract/Article/4300001/", US_DOD, NEW_YORK);

		assertThat(contracts.title()).isEqualTo("Contracts For Sept. 30, 2025");
		assertThat(contracts.published().iso()).isEqualTo("2025-09-30");
		assertThat(contracts.published().precision()).isEqualTo(PublishedDate.Precision.DATE);
		assertThat(contracts.bodyText()).contains("Example Defense Systems Inc., Huntsville, Alabama")
			.contains("Naval Sea Systems Command");
	}

	@Test
	void aSiteRuleBodyOfAFewCharactersOnALongPageFallsBackAndIsPartial() {
		String page = "<html><body><h1>Ministers agree on air defence</h1><div class=\"teaser\">Read the release</div>"
				+ "<div class=\"text\">"
				+ "<p>Ministers agreed today to buy air defence systems together. </p>".repeat(8)
				+ "</div></body></html>";
		Selectors rules = new Selectors(null, null, ".teaser", null, List.of());

		Extraction extraction = Extractor.extract("https://example.org/news/1", page, rules, Hints.NONE,
				ZoneId.of("UTC"), "en");

		assertThat(extraction.bodyText()).contains("Ministers agreed today to buy air defence systems together.");
		assertThat(extraction.partial()).isTrue();
		assertThat(extraction.siteRuleMissed()).isTrue();
		assertThat(extraction.partialReason()).contains("'.teaser'").contains("16 characters");
	}

	@Test
	void aShortStatementThatTheSiteRuleReadsWholeIsNotAMiss() {
		String page = "<html><body><h1>Statement</h1><nav><a href=\"/\">Home</a></nav>"
				+ "<div class=\"text\"><p>The ministry condemns the attack.</p></div></body></html>";
		Selectors rules = new Selectors(null, null, ".text", null, List.of());

		Extraction extraction = Extractor.extract("https://example.org/news/2", page, rules, Hints.NONE,
				ZoneId.of("UTC"), "en");

		assertThat(extraction.bodyText()).isEqualTo("The ministry condemns the attack.");
		assertThat(extraction.partial()).isFalse();
		assertThat(extraction.partialReason()).isNull();
	}

}
