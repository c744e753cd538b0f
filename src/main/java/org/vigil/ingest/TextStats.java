package org.vigil.ingest;

import java.util.Map;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Lengths and counts of one subtree, computed in one pass and kept exact as subtrees are
 * removed (a pass per question would be quadratic on long pages).
 */
final class TextStats {

	int text;

	/** Link text, thousandths (in-page anchors weigh 0.3). */
	long links;

	int commas;

	int p;

	int img;

	int li;

	int input;

	int embeds;

	int headings;

	void add(TextStats other, int sign) {
		this.text += sign * other.text;
		this.links += sign * other.links;
		this.commas += sign * other.commas;
		this.p += sign * other.p;
		this.img += sign * other.img;
		this.li += sign * other.li;
		this.input += sign * other.input;
		this.embeds += sign * other.embeds;
		this.headings += sign * other.headings;
	}

	double linkDensity() {
		return (this.text == 0) ? 0 : Math.min(1, this.links / 1000.0 / this.text);
	}

	static TextStats measure(Element element, int linkWeight, Map<Element, TextStats> all) {
		TextStats stats = new TextStats();
		boolean heading = element.normalName().length() == 2 && element.normalName().charAt(0) == 'h'
				&& Character.isDigit(element.normalName().charAt(1));
		for (Node child : element.childNodes()) {
			if (child instanceof TextNode textNode) {
				String text = textNode.text();
				int length = text.strip().length();
				stats.text += length;
				stats.links += (long) length * linkWeight;
				stats.commas += commas(text);
				if (heading) {
					stats.headings += length;
				}
			}
			else if (child instanceof Element childElement) {
				int weight = (linkWeight > 0) ? linkWeight
						: childElement.nameIs("a") ? (childElement.attr("href").startsWith("#") ? 300 : 1000) : 0;
				TextStats inner = measure(childElement, weight, all);
				stats.add(inner, 1);
				if (heading) {
					stats.headings += inner.text - inner.headings;
				}
			}
		}
		switch (element.normalName()) {
			case "p":
				stats.p++;
				break;
			case "img":
				stats.img++;
				break;
			case "li":
				stats.li++;
				break;
			case "input":
				stats.input++;
				break;
			case "object", "embed", "iframe":
				stats.embeds++;
				break;
			default:
				break;
		}
		all.put(element, stats);
		return stats;
	}

	/** Link text over all text; in-page anchors count less (Readability's 0.3). */
	static double linkDensity(Element element) {
		int[] lengths = new int[2];
		collectLengths(element, false, 1, lengths);
		return (lengths[0] == 0) ? 0 : Math.min(1, lengths[1] / 1000.0 / lengths[0]);
	}

	private static void collectLengths(Node node, boolean inLink, int weight, int[] lengths) {
		for (Node child : node.childNodes()) {
			if (child instanceof TextNode text) {
				int length = text.text().strip().length();
				lengths[0] += length;
				if (inLink) {
					lengths[1] += length * weight;
				}
			}
			else if (child instanceof Element element) {
				boolean link = inLink || element.nameIs("a");
				int w = inLink ? weight : element.nameIs("a") ? (element.attr("href").startsWith("#") ? 300 : 1000) : 1;
				collectLengths(element, link, link ? w : 1, lengths);
			}
		}
	}

	static int commas(String text) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
				count++;
			}
		}
		return count;
	}

}
