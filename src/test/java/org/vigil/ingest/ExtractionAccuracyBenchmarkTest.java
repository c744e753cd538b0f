package org.vigil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.vigil.sources.Selectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generic extraction measured against the peers on pages nobody on the team wrote: the
 * development set in {@code ../shared/bench/extraction-dev} (130 pages with the text a
 * reader sees), scored for Vigil, readability4j and boilerpipe in one run. Body token F1
 * (lower-cased, whitespace split, bag of tokens, averaged over pages), title match, date
 * match and pages per second. Runs only with {@code -Dbench=true}, which also puts the
 * peers on the test class path (Maven profile {@code extraction-peers}); they are called
 * by reflection so that the normal build does not carry them. Skips when the set is
 * absent.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ExtractionAccuracyBenchmarkTest {

	static final Path DEV = Path.of(System.getProperty("extraction.dev", "../shared/bench/extraction-dev"));

	static final String PAGE_URL = "http://fakehost/test/page.html";

	/** One page of the set. */
	record Page(String name, String html, String title, String published, String text) {

	}

	/** What an extractor read from a page: body, title and date (each may be null). */
	record Read(String body, String title, String date) {

	}

	/** The scores of one extractor over the set. */
	record Score(String name, double precision, double recall, double f1, int titles, int dates, int datePages,
			int pages, double pagesPerSecond, String problem) {

	}

	@Test
	void vigilReadsTheDevelopmentSetBetterThanThePeers() throws Exception {
		Assumptions.assumeTrue(Files.isRegularFile(DEV.resolve("expected.json")),
				"no development set at " + DEV.toAbsolutePath());
		List<Page> pages = pages();
		Map<String, Function<Page, Read>> extractors = new LinkedHashMap<>();
		extractors.put("vigil", ExtractionAccuracyBenchmarkTest::vigil);
		if (!Boolean.getBoolean("bench.vigil-only")) {
			extractors.put("readability4j", readability4j());
			extractors.put("boilerpipe", boilerpipe());
		}
		List<Score> scores = new ArrayList<>();
		for (Map.Entry<String, Function<Page, Read>> extractor : extractors.entrySet()) {
			scores.add(score(extractor.getKey(), extractor.getValue(), pages));
		}
		System.out.println("BENCH extraction accuracy on " + pages.size() + " pages of " + DEV);
		System.out.println("| extractor | body F1 | precision | recall | title match | date match | pages/s |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (Score s : scores) {
			if (s.problem() != null) {
				System.out.println("| " + s.name() + " | could not run: " + s.problem() + " |||||");
				continue;
			}
			System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d/%d | %d/%d | %.0f |%n", s.name(), s.f1(),
					s.precision(), s.recall(), s.titles(), s.pages(), s.dates(), s.datePages(), s.pagesPerSecond());
		}
		Score vigil = scores.get(0);
		for (Score peer : scores.subList(1, scores.size())) {
			if (peer.problem() == null) {
				assertThat(vigil.f1()).as("Vigil's body F1 against " + peer.name()).isGreaterThan(peer.f1());
			}
		}
	}

	static Score score(String name, Function<Page, Read> extractor, List<Page> pages) {
		try {
			// Warm up on the whole set once so the figure is not the JIT compiler's.
			for (Page page : pages) {
				extractor.apply(page);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new Score(name, 0, 0, 0, 0, 0, 0, pages.size(), 0, cause.toString());
		}
		double precision = 0;
		double recall = 0;
		double f1 = 0;
		int titles = 0;
		int dates = 0;
		int datePages = 0;
		Map<String, Double> perPage = new TreeMap<>();
		long start = System.nanoTime();
		List<Read> reads = new ArrayList<>();
		for (Page page : pages) {
			long pageStart = System.nanoTime();
			reads.add(extractor.apply(page));
			long ms = (System.nanoTime() - pageStart) / 1_000_000;
			if (ms > 100 && Boolean.getBoolean("bench.verbose")) {
				System.out.println(name + " slow page " + page.name() + " " + ms + " ms");
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		for (int i = 0; i < pages.size(); i++) {
			Page page = pages.get(i);
			Read read = reads.get(i);
			double[] prf = prf(read.body(), page.text());
			precision += prf[0];
			recall += prf[1];
			f1 += prf[2];
			perPage.put(page.name(), prf[2]);
			dump(name, page, read);
			if (titleMatches(read.title(), page.title())) {
				titles++;
			}
			else if (Boolean.getBoolean("bench.verbose") && read.title() != null) {
				System.out.println(
						name + " title " + page.name() + " got [" + read.title() + "] want [" + page.title() + "]");
			}
			if (page.published() != null) {
				datePages++;
				if (dateMatches(read.date(), page.published())) {
					dates++;
				}
				else if (Boolean.getBoolean("bench.verbose") && !"boilerpipe".equals(name)) {
					System.out.println(name + " date " + page.name() + " got [" + read.date() + "] want ["
							+ page.published() + "]");
				}
			}
		}
		if (Boolean.getBoolean("bench.verbose")) {
			perPage.forEach((page, value) -> System.out.printf(Locale.ROOT, "%s %s %.3f%n", name, page, value));
		}
		int n = pages.size();
		return new Score(name, precision / n, recall / n, f1 / n, titles, dates, datePages, n, n / seconds, null);
	}

	/**
	 * With {@code -Dbench.dump=DIR}, each extractor's body per page, to compare by eye.
	 */
	private static void dump(String name, Page page, Read read) {
		String dir = System.getProperty("bench.dump");
		if (dir != null) {
			try {
				Path file = Path.of(dir, name, page.name() + ".txt");
				Files.createDirectories(file.getParent());
				Files.writeString(file, String.valueOf(read.body()), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
	}

	/** Token precision, recall and F1 of a body against the expected text. */
	static double[] prf(String actual, String expected) {
		Map<String, Integer> want = tokens(expected);
		Map<String, Integer> got = tokens((actual != null) ? actual : "");
		int wantTotal = want.values().stream().mapToInt(Integer::intValue).sum();
		int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
		if (wantTotal == 0 && gotTotal == 0) {
			return new double[] { 1, 1, 1 };
		}
		int overlap = 0;
		for (Map.Entry<String, Integer> token : got.entrySet()) {
			overlap += Math.min(token.getValue(), want.getOrDefault(token.getKey(), 0));
		}
		double p = (gotTotal == 0) ? 0 : (double) overlap / gotTotal;
		double r = (wantTotal == 0) ? 0 : (double) overlap / wantTotal;
		return new double[] { p, r, (p + r == 0) ? 0 : 2 * p * r / (p + r) };
	}

	static Map<String, Integer> tokens(String text) {
		Map<String, Integer> bag = new HashMap<>();
		for (String token : text.toLowerCase(Locale.ROOT).split("\\s+")) {
			if (!token.isEmpty()) {
				bag.merge(token, 1, Integer::sum);
			}
		}
		return bag;
	}

	/**
	 * Equal after collapsing white space and case; a title that drops the site's suffix
	 * (" | Site", " - Site") of the expected one also counts, since that is what Vigil is
	 * asked to do.
	 */
	static boolean titleMatches(String actual, String expected) {
		if (actual == null) {
			return expected == null || expected.isBlank();
		}
		String a = normal(actual);
		String e = normal(expected);
		if (a.equals(e)) {
			return true;
		}
		return !a.isEmpty() && e.startsWith(a) && e.substring(a.length()).matches("^\\s*[|\\-–—:·»]\\s.*");
	}

	private static String normal(String text) {
		return (text == null) ? ""
				: text.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/** ISO dates as the set writes them: 'T' or a space, zero to nine fraction digits. */
	private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd")
		.optionalStart()
		.appendLiteral('T')
		.appendPattern("HH:mm[:ss]")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.optionalEnd()
		.optionalEnd()
		.optionalStart()
		.appendPattern("[XXX][XX][X]")
		.optionalEnd()
		.parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
		.toFormatter(Locale.ROOT);

	/** The same day: the printed date, or within a day of the expected instant. */
	static boolean dateMatches(String actual, String expected) {
		if (actual == null) {
			return false;
		}
		LocalDate expectedDay;
		OffsetDateTime expectedInstant = null;
		try {
			String iso = expected.strip()
				.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T")
				.replaceFirst("\\s+([+-]\\d{2}:?\\d{2})$", "$1");
			var parsed = LENIENT_ISO.parseBest(iso, OffsetDateTime::from, java.time.LocalDateTime::from);
			if (parsed instanceof OffsetDateTime odt) {
				expectedInstant = odt;
				expectedDay = odt.toLocalDate();
			}
			else {
				expectedDay = ((java.time.LocalDateTime) parsed).toLocalDate();
			}
		}
		catch (RuntimeException ex) {
			return false;
		}
		if (actual.length() == 10) {
			return LocalDate.parse(actual).equals(expectedDay);
		}
		OffsetDateTime ours = java.time.Instant.parse(actual).atOffset(ZoneOffset.UTC);
		if (expectedInstant != null) {
			return Duration.between(ours, expectedInstant).abs().compareTo(Duration.ofHours(24)) < 0;
		}
		return Math.abs(ours.toLocalDate().toEpochDay() - expectedDay.toEpochDay()) <= 1;
	}

	static Read vigil(Page page) {
		Extraction e = Extractor.extract(PAGE_URL, page.html(), Selectors.NONE, Hints.NONE, ZoneId.of("UTC"), "en");
		return new Read(e.bodyText(), e.title(), (e.published() != null) ? e.published().iso() : null);
	}

	/** readability4j 1.0.8 (a Kotlin port of Readability.js), run with Vigil's jsoup. */
	static Function<Page, Read> readability4j() {
		return (page) -> {
			try {
				Class<?> type = Class.forName("net.dankito.readability4j.Readability4J");
				Object parser = type.getConstructor(String.class, String.class).newInstance(PAGE_URL, page.html());
				Object article = type.getMethod("parse").invoke(parser);
				String text = (String) article.getClass().getMethod("getTextContent").invoke(article);
				String title = (String) article.getClass().getMethod("getTitle").invoke(article);
				return new Read(text, title, null);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	/** boilerpipe's ArticleExtractor (com.syncthemall:boilerpipe 1.2.2). */
	static Function<Page, Read> boilerpipe() {
		return (page) -> {
			try {
				Class<?> type = Class.forName("de.l3s.boilerpipe.extractors.ArticleExtractor");
				Object extractor = type.getField("INSTANCE").get(null);
				String text = (String) type.getMethod("getText", String.class).invoke(extractor, page.html());
				return new Read(text, null, null);
			}
			catch (java.lang.reflect.InvocationTargetException ex) {
				// A page boilerpipe cannot parse scores zero, as an empty body would.
				return new Read("", null, null);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	static List<Page> pages() throws IOException {
		JsonNode expected = JsonMapper.builder().build().readTree(DEV.resolve("expected.json").toFile());
		List<Page> pages = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : expected.properties()) {
			Path file = DEV.resolve("pages").resolve(entry.getKey() + ".html.gz");
			String html;
			try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
				html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			JsonNode e = entry.getValue();
			pages.add(new Page(entry.getKey(), html, text(e, "title"), text(e, "published"), text(e, "text")));
		}
		return pages;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
