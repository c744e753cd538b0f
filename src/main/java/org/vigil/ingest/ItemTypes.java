package org.vigil.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tells a press release from a speech, a statement or news, from URL, title and text. */
final class ItemTypes {

	private static final Pattern SPEECH_URL = Pattern
		.compile("/(speech(es)?|transcripts?|opinions?_\\d+|remarks|rede|reden|przemowienie|discurs)([/_.-]|$)");

	private static final Pattern RELEASE_URL = Pattern
		.compile("/(releases?|press-releases?|pressemitteilungen?|komunikaty?|cpresa|communiques?|press)([/_.-]|$)");

	private static final Pattern NEWS_URL = Pattern
		.compile("/(news|aktualnosci\\d*|aktuelles|stiri|actualites)([/_.-]|$)");

	private static final Pattern SPEECH_TEXT = Pattern.compile(
			"^\\W*(as delivered|check against delivery|speech by|remarks by|keynote|transcript|press conference|joint press point)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SPEECH_TITLE = Pattern.compile(
			"\\b(speech|remarks|keynote|address|press conference|press point|transcript|rede|przemówienie|discurs|discours)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern STATEMENT_TITLE = Pattern.compile(
			"\\b(statement|declaration|communiqué|oświadczenie|komunikat|declarație|declaraţie|erklärung|déclaration)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern RELEASE_TITLE = Pattern
		.compile("\\b(press release|comunicat de presă|pressemitteilung)\\b", Pattern.CASE_INSENSITIVE);

	private ItemTypes() {
	}

	static String detect(String url, String title, String text, String hint) {
		if (hint != null && !hint.isBlank()) {
			return hint;
		}
		String path = (url != null) ? url.toLowerCase(Locale.ROOT) : "";
		String safeTitle = (title != null) ? title : "";
		String start = (text != null) ? text.substring(0, Math.min(200, text.length())) : "";
		if (SPEECH_URL.matcher(path).find() || SPEECH_TEXT.matcher(start).find()
				|| SPEECH_TITLE.matcher(safeTitle).find()) {
			return "speech";
		}
		if (STATEMENT_TITLE.matcher(safeTitle).find()) {
			return "statement";
		}
		if (RELEASE_URL.matcher(path).find() || RELEASE_TITLE.matcher(safeTitle).find()) {
			return "press-release";
		}
		if (NEWS_URL.matcher(path).find()) {
			return "news";
		}
		return "other";
	}

}
