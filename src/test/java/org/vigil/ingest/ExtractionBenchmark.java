package org.vigil.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.vigil.sources.Selectors;

/**
 * JMH: extraction of typical article pages (about 40 KB: navigation, cookie banner,
 * twenty paragraphs, related links), generic extractor and site rules alternating. Run
 * through {@code bench.IngestBenchmarkTest} (see README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractionBenchmark {

	String generic;

	String nato;

	int n;

	/** A typical article page of about 40 KB. */
	public static String typicalPage(int seed) {
		StringBuilder page = new StringBuilder(
				"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Minister visits troops " + seed
						+ " - Ministry</title><meta property=\"og:title\" content=\"Minister visits troops " + seed
						+ "\"><script>var x = 1;</script><style>body{}</style></head><body>"
						+ "<div class=\"cookie-banner\"><p>We use cookies to improve the site. Accept</p></div><nav><ul>");
		for (int i = 0; i < 40; i++) {
			page.append("<li><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
		}
		page.append("</ul></nav><main><article><h1>Minister visits troops ")
			.append(seed)
			.append("</h1><time datetime=\"2026-07-07T10:00:00+02:00\">7 July 2026</time><div class=\"article-body\">");
		// Different articles say different things: words drawn per page, so that pages
		// are not near-duplicates of each other (which would link them all into one
		// story).
		java.util.Random random = new java.util.Random(seed);
		String[] words = { "brigade", "air", "defence", "logistics", "training", "flank", "ammunition", "summit",
				"Allies", "minister", "exercise", "procurement", "drones", "navy", "border", "cyber", "budget",
				"readiness", "partners", "tanks", "missiles", "radar", "Baltic", "Black Sea", "Arctic", "support" };
		for (int i = 0; i < 12; i++) {
			page.append("<p>");
			for (int w = 0; w < 60; w++) {
				page.append(words[random.nextInt(words.length)]).append((w % 9 == 8) ? ", " : " ");
			}
			page.append(seed).append(".</p>");
		}
		for (int i = 0; i < 8; i++) {
			page.append("<p>The minister met soldiers of the multinational brigade, discussed air defence, logistics, ")
				.append("training and the eastern flank, and thanked the host nation for its support in paragraph ")
				.append(i)
				.append(". Allies agreed to continue exercises, to invest in ammunition production and to meet again ")
				.append("in the autumn, <a href=\"/related/")
				.append(i)
				.append("\">as reported earlier</a>, while preparing the next summit.</p>");
		}
		page.append("</div><div class=\"related-articles\"><ul>");
		for (int i = 0; i < 30; i++) {
			page.append("<li><a href=\"/news/")
				.append(i)
				.append("\"><img src=\"/img/")
				.append(i)
				.append(".jpg\" alt=\"Related article ")
				.append(i)
				.append("\"> Related article ")
				.append(i)
				.append("</a></li>");
		}
		page.append("</ul></div><div class=\"share\"><a href=\"https://twitter.com/share\">Share</a></div></article>")
			.append("</main><footer><p>Ministry of Defence</p>")
			.append("<p>Contact, accessibility statement, privacy policy, sitemap and more links here.</p>".repeat(20))
			.append("</footer></body></html>");
		return page.toString();
	}

	@Setup
	public void setUp() {
		this.generic = typicalPage(1);
		try {
			this.nato = Files.readString(Path.of("src/test/resources/extraction/nato-article.html"),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Benchmark
	public Extraction extractTypicalPage() {
		if ((this.n++ & 1) == 0) {
			return Extractor.extract("https://example.org/news/1", this.generic, Selectors.NONE, Hints.NONE,
					ZoneId.of("UTC"), "en");
		}
		return Extractor.extract(
				"https://www.nato.int/en/news-and-events/articles/news/2026/07/07/x", this.nato, new Selectors("h1",
						"time", ".ca04-rich-text .cmp-text__background-container", null, java.util.List.of()),
				Hints.NONE, ZoneId.of("Europe/Brussels"), "en");
	}

}
