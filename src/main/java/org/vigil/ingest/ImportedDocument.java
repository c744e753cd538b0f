package org.vigil.ingest;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a local file says about itself when no site rules apply: its title (a heading,
 * else its first line of text, never the file name) and its publication date (a header
 * line such as {@code Date: 7 July 2026}, or a short line near the top or the end that
 * holds only a date).
 */
final class ImportedDocument {

	private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,3}\\s+(.+?)\\s*#*\\s*$");

	private static final Pattern UNDERLINE = Pattern.compile("^(=+|-+)\\s*$");

	private static final Pattern DATE_HEADER = Pattern.compile(
			"^(?:date|published|publication date|posted|data|data publikacji|datum|date de publication|data publicării)\\s*[:=]\\s*(.+)$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");

	private static final int TITLE_MAX = 150;

	private ImportedDocument() {
	}

	/**
	 * The extraction with the document's own title, and its date when the extractor found
	 * none: what {@code import} stores, and what {@code reprocess} gives an imported file
	 * again.
	 */
	static Extraction read(String content, Extraction extracted, String url, ZoneId zone) {
		String title = title(content, extracted, url);
		PublishedDate published = Optional.ofNullable(extracted.published())
			.or(() -> date(extracted.bodyText(), zone))
			.or(() -> date(content, zone))
			.orElse(null);
		return new Extraction(title, extracted.canonicalUrl(), published, extracted.language(), extracted.type(),
				extracted.author(), extracted.bodyHtml(), extracted.bodyText(), extracted.partial());
	}

	/**
	 * The document's title: the extractor's when it read one from the page (not made from
	 * the address), else the first heading, else the first line of text.
	 */
	static String title(String content, Extraction extraction, String url) {
		String extracted = extraction.title();
		boolean fromAddress = extracted == null || extracted.isBlank() || extracted.equals(Extractor.titleFromUrl(url));
		if (Extractor.looksLikeHtml(content) && !fromAddress) {
			return extracted;
		}
		List<String> lines = (Extractor.looksLikeHtml(content) ? extraction.bodyText() : content).lines()
			.map(String::strip)
			.limit(60)
			.toList();
		for (int i = 0; i < lines.size(); i++) {
			Matcher heading = MARKDOWN_HEADING.matcher(lines.get(i));
			if (heading.matches()) {
				return shorten(heading.group(1));
			}
			if (i + 1 < lines.size() && !lines.get(i).isEmpty() && UNDERLINE.matcher(lines.get(i + 1)).matches()) {
				return shorten(lines.get(i));
			}
		}
		for (String line : extraction.bodyText().lines().map(String::strip).toList()) {
			if (meaningful(line)) {
				return shorten(line);
			}
		}
		return fromAddress ? Extractor.titleFromUrl(url) : extracted;
	}

	/**
	 * The publication date the text states, or nothing: a header line, else a short line
	 * that holds little but a date among the first ten lines or the last five.
	 */
	static Optional<PublishedDate> date(String text, ZoneId zone) {
		List<String> lines = text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		for (String line : lines.subList(0, Math.min(15, lines.size()))) {
			Matcher header = DATE_HEADER.matcher(line);
			if (header.matches()) {
				Optional<PublishedDate> date = DateParser.parse(header.group(1), zone);
				if (date.isPresent()) {
					return date;
				}
			}
		}
		List<String> candidates = new java.util.ArrayList<>(lines.subList(0, Math.min(10, lines.size())));
		candidates.addAll(lines.subList(Math.max(Math.min(10, lines.size()), lines.size() - 5), lines.size()));
		for (String line : candidates) {
			if (line.length() <= 60 && YEAR.matcher(line).find()) {
				Optional<PublishedDate> date = DateParser.parse(line, zone);
				if (date.isPresent()) {
					return date;
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * A line that can stand as a title: not a marker, a salutation, an image or a date.
	 */
	private static boolean meaningful(String line) {
		if (line.length() < 3 || line.startsWith("![") || line.startsWith("(") && line.endsWith(")")) {
			return false;
		}
		if (line.endsWith(",") && line.length() < 80) {
			return false;
		}
		return !DATE_HEADER.matcher(line).matches() && !(line.length() <= 40 && YEAR.matcher(line).find());
	}

	/**
	 * A long first line is cut at its first sentence, else at a word, with an ellipsis.
	 */
	static String shorten(String line) {
		if (line.length() <= TITLE_MAX) {
			return line;
		}
		int sentence = line.indexOf(". ");
		if (sentence >= 20 && sentence < TITLE_MAX) {
			return line.substring(0, sentence);
		}
		int space = line.lastIndexOf(' ', TITLE_MAX - 1);
		return line.substring(0, (space > 40) ? space : TITLE_MAX - 1).replaceAll("[\\s,;:–—-]+$", "") + "\u2026";
	}

}
