package org.vigil.ingest;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.vigil.sources.Selectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A title is the page's heading reconciled with its metadata and head title, without the
 * site's name, which is learnt from the page and its address, never from a list of sites.
 */
class TitleFinderTest {

	static final String TEXT = "<p>" + "The minister opened the new depot today. ".repeat(10) + "</p>";

	static String title(String url, String head, String body) {
		String page = "<html><head>" + head + "</head><body>" + body + TEXT + "</body></html>";
		return Extractor.extract(url, page, Selectors.NONE, Hints.NONE, ZoneId.of("UTC"), "en").title();
	}

	@Test
	void theHeadingNamedByTheHeadTitleWinsWithoutTheSuffix() {
		assertThat(title("https://example.org/a", "<title>Minister opens depot | Example Ministry</title>",
				"<h1>Minister opens depot</h1>"))
			.isEqualTo("Minister opens depot");
	}

	@Test
	void aSiteNameTheMetadataGivesIsDroppedFromTheTitle() {
		assertThat(title("https://example.org/a",
				"<meta property=\"og:site_name\" content=\"Ministry of Examples\">"
						+ "<meta property=\"og:title\" content=\"Minister opens depot - Ministry of Examples\">",
				""))
			.isEqualTo("Minister opens depot");
	}

	@Test
	void theHostsNameIsDroppedFromEitherEndOfTheHeadTitle() {
		assertThat(title("https://www.alliance.int/en/news/1",
				"<title>ALLIANCE - Ministers agree on air defence</title>", ""))
			.isEqualTo("Ministers agree on air defence");
		assertThat(title("https://www.alliance.int/en/news/1",
				"<title>Ministers agree on air defence - Alliance</title>", ""))
			.isEqualTo("Ministers agree on air defence");
	}

	@Test
	void shortSectionAndSiteLabelsChainedAfterTheTitleGo() {
		assertThat(title("https://example.org/government/news/x",
				"<title>Minister opens depot - News - Inside Ministry - EXAMPLE.ORG</title>", ""))
			.isEqualTo("Minister opens depot");
		assertThat(title("https://example.org/x", "<title>Lorem ipsum dolor sit amet – My website</title>", ""))
			.isEqualTo("Lorem ipsum dolor sit amet");
	}

	@Test
	void aTitleWithADashOrASubtitleInsideIsKept() {
		assertThat(title("https://example.org/x",
				"<title>Ukraine - Russia talks resume in Istanbul after three years</title>", ""))
			.isEqualTo("Ukraine - Russia talks resume in Istanbul after three years");
		assertThat(title("https://example.org/x", "<title>Air defence: what the new plan means</title>", ""))
			.isEqualTo("Air defence: what the new plan means");
	}

	@Test
	void aHeadingThatIsTheSitesNameIsNotTheTitle() {
		assertThat(title("https://blog.example.org/2016/05/post.html",
				"<title>Silicon Notes: Open flow for programmable logic</title>"
						+ "<meta property=\"og:title\" content=\"Open flow for programmable logic\">",
				"<h1 class=\"title\">Silicon Notes</h1><h3>Open flow for programmable logic</h3>"))
			.isEqualTo("Open flow for programmable logic");
	}

	@Test
	void ofTwoHeadingsTheHeadTitleNamesThePageTitleBeforeTheSitesName() {
		assertThat(title("https://docs.example.org/sharing.html",
				"<title>Shared Mutable History — evolve extension for Hg</title>",
				"<h1>evolve extension for Hg</h1><h1>Shared Mutable History<a href=\"#h\">¶</a></h1>"))
			.isEqualTo("Shared Mutable History");
	}

	@Test
	void anIconsTitleIsNotTheHeadTitle() {
		assertThat(title("https://example.org/x",
				"<title></title><svg><title>icon-share</title></svg><title>Minister opens depot - Example</title>",
				"<h1>Minister opens depot</h1>"))
			.isEqualTo("Minister opens depot");
	}

	@Test
	void metadataTitlesMayListSeveralPropertiesAndAPropertyBeatsAName() {
		assertThat(title("https://example.org/x",
				"<title>Title Element</title><meta name=\"DC.title\" content=\"Named\">"
						+ "<meta property=\"x:title dc:title\" content=\"Preferred title\">",
				"<h1>Test document title</h1>"))
			.isEqualTo("Preferred title");
	}

	@Test
	void withoutHeadingOrMetadataAMarkedSecondLevelHeadingIsTheTitle() {
		assertThat(title("https://example.ro/cpresa/1", "<title>Ministerul Exemplu - Comunicat de presa</title>",
				"<h2 class=\"titlu\">Ministrul s-a intalnit cu omologul polonez</h2>"))
			.isEqualTo("Ministrul s-a intalnit cu omologul polonez");
	}

	@Test
	void aPageWithNothingButASecondLevelHeadingIsTitledByIt() {
		assertThat(title("https://example.org/news/1", "", "<h2>Ministers agree on air defence</h2>"))
			.isEqualTo("Ministers agree on air defence");
	}

}
