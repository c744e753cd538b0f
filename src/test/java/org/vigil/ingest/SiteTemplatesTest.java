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
 * The present templates of the shipped sources, read with the site rules that ship in
 * {@code db/sources/sources.yaml}, and each way extraction failed on them, with a fixture
 * of its own: a share menu's "More…" read as the release, an empty body from a print
 * view, the site's suffix kept in a title, no date on a page that prints it only in its
 * heading, and a site rule's miss stored as if it were the article. Each test names the
 * title, the date and its precision, and how the body starts and ends.
 */
class SiteTemplatesTest {

	static final Path DIR = Path.of("src/test/resources/extraction/templates");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static Extraction extract(String file, String url, Selectors rules, ZoneId zone) throws IOException {
		String html = Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
		return Extractor.extract(url, html, rules, Hints.NONE, zone, "en");
	}

	static Extraction usDod(String file, String url) throws IOException {
		return extract(file, url, ShippedSiteRules.of("us-dod"), NEW_YORK);
	}

	static void assertDate(Extraction extraction, String iso, PublishedDate.Precision precision) {
		assertThat(extraction.published()).as("published").isNotNull();
		assertThat(extraction.published().iso()).isEqualTo(iso);
		assertThat(extraction.published().precision()).isEqualTo(precision);
	}

	@Test
	void aReleaseInThePresentArticleCsTemplateIsReadByTheShippedRule() throws IOException {
		Extraction release = usDod("wargov-release.html",
				"https://www.war.gov/News/Releases/Release/Article/4318877/war-department-awards-shipyard-modernization-funds/");

		assertThat(release.title()).isEqualTo("War Department Awards Shipyard Modernization Funds");
		assertDate(release, "2025-10-07", PublishedDate.Precision.DATE);
		assertThat(release.bodyText()).startsWith("The Department of War today awarded $1.4 billion")
			.endsWith("Work is to begin in January 2026 and to be finished by 2031.")
			.doesNotContain("More…")
			.doesNotContain("Shipbuilding");
		assertThat(release.partial()).isFalse();
	}

	@Test
	void aTranscriptKeepsItsSpeakerLabelsAndItsShortLines() throws IOException {
		Extraction transcript = usDod("wargov-transcript.html",
				"https://www.war.gov/News/Transcripts/Transcript/Article/4320102/");

		assertThat(transcript.title()).isEqualTo("Pentagon Press Secretary Holds a Press Briefing");
		assertDate(transcript, "2025-10-14", PublishedDate.Precision.DATE);
		assertThat(transcript.bodyText()).startsWith("PRESS SECRETARY: Good afternoon, everybody.")
			.contains("With that, questions.")
			.contains("Q: Thanks.")
			.endsWith("PRESS SECRETARY: All right, thank you, everyone.")
			.doesNotContain("Press Briefings");
		assertThat(transcript.partial()).isFalse();
	}

	@Test
	void aSpeechKeepsItsPlaceAndDeliveryNoteButNotItsRepeatedDateLine() throws IOException {
		Extraction speech = usDod("wargov-speech.html", "https://www.war.gov/News/Speeches/Speech/Article/4321003/");

		assertThat(speech.title()).isEqualTo("Remarks by the Deputy Secretary at the Naval War College");
		assertDate(speech, "2025-11-03", PublishedDate.Precision.DATE);
		assertThat(speech.bodyText()).startsWith("Newport, Rhode Island")
			.contains("As Delivered")
			.doesNotContain("Nov. 3, 2025")
			.endsWith("treat time as the scarcest thing you command. Thank you.");
		assertThat(speech.partial()).isFalse();
	}

	@Test
	void theContractsPageTakesItsDateFromItsHeadingAsADate() throws IOException {
		Extraction contracts = usDod("wargov-contracts.html",
				"https://www.war.gov/News/Contracts/Contract/Article/4300001/");

		assertThat(contracts.title()).isEqualTo("Contracts For Sept. 30, 2025");
		assertDate(contracts, "2025-09-30", PublishedDate.Precision.DATE);
		assertThat(contracts.bodyText()).startsWith("ARMY\n\nExample Defense Systems Inc., Huntsville, Alabama")
			.contains("Naval Sea Systems Command")
			.endsWith("*Small business");
		assertThat(contracts.partial()).isFalse();
	}

	@Test
	void aSiteRuleThatFindsOnlyTheShareMenuFallsBackToTheGenericExtractorAndSaysSo() throws IOException {
		Extraction release = usDod("wargov-release-share-menu.html",
				"https://www.war.gov/News/Releases/Release/Article/4312345/");

		assertThat(release.title()).isEqualTo("War Department Announces Air Defense Purchases");
		assertDate(release, "2025-09-15", PublishedDate.Precision.DATE);
		assertThat(release.bodyText()).startsWith("The Department of War today announced contracts")
			.endsWith("The department will brief Congress on the purchases next week.")
			.doesNotContain("More…")
			.doesNotContain("Related")
			.doesNotContain("Air Defense Acquisition");
		assertThat(release.partial()).isTrue();
		assertThat(release.siteRuleMissed()).isTrue();
		assertThat(release.partialReason()).contains("div.inside.ntext div.body").contains("link text");
	}

	@Test
	void anArticleCsPrintViewInsideTheAspNetFormHasItsText() throws IOException {
		for (Selectors rules : List.of(Selectors.NONE, ShippedSiteRules.of("us-dod"))) {
			Extraction print = extract("articlecs-print-view.html",
					"https://www.war.gov/DesktopModules/ArticleCS/Print.aspx?PortalId=1&ModuleId=850&Article=4312399",
					rules, NEW_YORK);

			assertThat(print.title()).as("with rules %s", rules)
				.isEqualTo("Secretary Meets Baltic Defense Ministers in Vilnius");
			assertDate(print, "2025-10-02", PublishedDate.Precision.DATE);
			assertThat(print.bodyText()).as("with rules %s", rules)
				.startsWith("VILNIUS, Lithuania -- The Secretary met the defense ministers")
				.endsWith("where he watched a live-fire exercise.");
		}
	}

	@Test
	void theRealArticleCsPrintViewCaptureHasItsTextWhenTheSharedFixturesArePresent() throws IOException {
		Path capture = Path.of("../shared/fixtures/us_dod/Print31c8.html");
		Assumptions.assumeTrue(Files.isRegularFile(capture), "no shared fixtures");
		Extraction print = Extractor.extract(
				"http://www.af.mil/DesktopModules/ArticleCS/Print.aspx?PortalId=1&ModuleId=850&Article=643126",
				Files.readString(capture, StandardCharsets.UTF_8), ShippedSiteRules.of("us-dod"), Hints.NONE, NEW_YORK,
				"en");

		assertThat(print.title()).isEqualTo("Gulf War created need for better critical care");
		assertDate(print, "2016-01-14", PublishedDate.Precision.DATE);
		assertThat(print.bodyText()).contains("January 2016 marks the 25th anniversary of Desert Storm")
			.hasSizeGreaterThan(2000);
	}

	@Test
	void anOlderGovUkPageLosesTheSitesSuffixAndTheHeadingsLabel() throws IOException {
		Extraction news = extract("govuk-older-news.html",
				"https://www.gov.uk/government/news/defence-secretary-announces-new-armoured-vehicles-contract",
				ShippedSiteRules.of("uk-mod"), LONDON);

		assertThat(news.title()).isEqualTo("Defence Secretary announces new armoured vehicles contract");
		assertDate(news, "2014-03-03", PublishedDate.Precision.DATE);
		assertThat(news.bodyText()).startsWith("The Defence Secretary has today announced a contract")
			.endsWith("supports skilled jobs in British industry.\"");
	}

	@Test
	void aCurrentGovUkPageIsReadWithoutCaptionMetadataShareLinksOrRelatedContent() throws IOException {
		Extraction news = extract("govuk-current-news.html",
				"https://www.gov.uk/government/news/army-orders-new-long-range-drones", ShippedSiteRules.of("uk-mod"),
				LONDON);

		assertThat(news.title()).isEqualTo("Army orders new long-range drones");
		assertDate(news, "2025-11-20T09:30:00Z", PublishedDate.Precision.TIME);
		assertThat(news.bodyText()).startsWith("The Ministry of Defence has ordered 300 long-range")
			.endsWith("The first drones will be delivered in 2026.")
			.doesNotContain("Share this page")
			.doesNotContain("cookies")
			.doesNotContain("patrol boats");
	}

	@Test
	void theHeadTitleAloneLosesTheSitesNameAndSectionLabels() {
		String page = "<html><head><title>Minister opens depot - News - Inside Government - GOV.UK</title></head>"
				+ "<body><p>" + "The minister opened the new depot today. ".repeat(10) + "</p></body></html>";
		Extraction extraction = Extractor.extract("https://www.gov.uk/government/news/x", page, Selectors.NONE,
				Hints.NONE, ZoneId.of("UTC"), "en");

		assertThat(extraction.title()).isEqualTo("Minister opens depot");
	}

	@Test
	void aNatoArticleOnTheCurrentSiteIsReadAcrossItsRichTextParts() throws IOException {
		Extraction news = extract("nato-current-news.html",
				"https://www.nato.int/en/news-and-events/articles/news/2026/02/12/allies-agree-new-air-defence-plan",
				ShippedSiteRules.of("nato"), ZoneId.of("Europe/Brussels"));

		assertThat(news.title()).isEqualTo("Allies agree new air defence plan");
		assertDate(news, "2026-02-12", PublishedDate.Precision.DATE);
		assertThat(news.bodyText()).startsWith("NATO Defence Ministers agreed on Thursday (12 February 2026)")
			.contains("the shield of all")
			.contains("Joint procurement of interceptors")
			.endsWith("Ministers will review progress at their meeting in June.")
			.doesNotContain("MULTIMEDIA ACCOUNT")
			.doesNotContain("Home");
		assertThat(news.partial()).isFalse();
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
