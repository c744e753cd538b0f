package org.vigil.ingest;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Selector;

/**
 * The last step of extraction: an allow-list of elements and attributes, links made
 * absolute, only http(s) and mailto kept; and the plain text beside it.
 */
final class Sanitizer {

	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeTags("colgroup", "col")
		.addAttributes("a", "title")
		.addProtocols("a", "href", "http", "https", "mailto")
		.preserveRelativeLinks(false);

	private static final Evaluator LINKS = Selector.evaluatorOf("a[href]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern SPACES_BEFORE_NEWLINE = Pattern.compile("[ \t]+\n");

	private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

	private Sanitizer() {
	}

	/**
	 * Sanitized HTML of the children of {@code body}.
	 * @param body the extracted main text (its base URI makes links absolute)
	 */
	static String html(Element body) {
		String baseUri = body.baseUri();
		Document dirty = Document.createShell(baseUri);
		for (Node child : body.childNodes()) {
			dirty.body().appendChild(child.clone());
		}
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		clean.outputSettings().prettyPrint(false);
		for (Element link : clean.select(LINKS)) {
			link.attr("rel", "nofollow noopener");
		}
		return clean.body().html().strip();
	}

	/** Plain text with paragraphs on their own lines, as a reader sees it. */
	static String text(String sanitizedHtml) {
		Document doc = Jsoup.parseBodyFragment(sanitizedHtml);
		return text(doc.body());
	}

	static String text(Element root) {
		StringBuilder out = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					String value = text.getWholeText().replace('\u00a0', ' ');
					if (!singleSpaced(value)) {
						value = SPACES.matcher(value).replaceAll(" ");
					}
					if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') {
						value = value.stripLeading();
					}
					out.append(value);
				}
				else if (node instanceof Element element) {
					if (element.nameIs("br")) {
						trimEnd(out);
						out.append('\n');
					}
					else if (element.isBlock() && !element.nameIs("body")) {
						breakLine(out, element.nameIs("li") || element.nameIs("tr") ? 1 : 2);
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && element.isBlock() && !element.nameIs("body")) {
					breakLine(out, element.nameIs("li") || element.nameIs("td") || element.nameIs("tr") ? 1 : 2);
				}
			}
		}, root);
		String text = SPACES_BEFORE_NEWLINE.matcher(out).replaceAll("\n");
		return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
	}

	/** Whether {@code \\s+} → " " would leave the text as it is (most text nodes). */
	private static boolean singleSpaced(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
					|| c == ' ' && i + 1 < text.length() && isSpace(text.charAt(i + 1))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private static void trimEnd(StringBuilder out) {
		while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
			out.setLength(out.length() - 1);
		}
	}

	private static void breakLine(StringBuilder out, int newlines) {
		trimEnd(out);
		if (out.isEmpty()) {
			return;
		}
		int have = 0;
		for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
			have++;
		}
		for (int i = have; i < newlines; i++) {
			out.append('\n');
		}
	}

}
