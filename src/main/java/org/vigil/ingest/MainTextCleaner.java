package org.vigil.ingest;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Readability's cleaning of a main-text candidate: embeds, forms and share boxes go, and
 * (conditionally) link farms, image galleries, form-like blocks and lists that are not
 * text; data tables, code and preformatted text stay.
 */
final class MainTextCleaner {

	private static final Pattern SHARE = Pattern.compile("(?i)(\\b|_)(share|sharedaddy)(\\b|_)");

	private static final String CLEANED = "object, embed, footer, link, aside, iframe, input, textarea, select, button";

	private MainTextCleaner() {
	}

	static Element clean(Element article, boolean weightClasses, boolean conditionally) {
		article.select(CLEANED).remove();
		for (Element element : article.select("[class], [id]")) {
			if (element.parent() != null && SHARE.matcher(element.className() + " " + element.id()).find()
					&& element.text().length() < 500) {
				element.remove();
			}
		}
		for (Element heading : article.select("h1, h2")) {
			if (heading.parent() != null && weightClasses && ElementSignals.classWeight(heading) < 0) {
				heading.remove();
			}
		}
		if (conditionally) {
			Map<Element, TextStats> stats = new IdentityHashMap<>();
			TextStats.measure(article, 0, stats);
			Set<Element> dataTables = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
			for (Element table : article.getElementsByTag("table")) {
				if (dataTable(table)) {
					dataTables.add(table);
				}
			}
			List<Element> blocks = article.select("form, fieldset, table, ul, div");
			for (int i = blocks.size() - 1; i >= 0; i--) {
				Element block = blocks.get(i);
				if (block != article && shouldRemove(block, stats.get(block), weightClasses, dataTables)) {
					TextStats removed = stats.get(block);
					for (Element parent = block.parent(); parent != null; parent = parent.parent()) {
						TextStats above = stats.get(parent);
						if (above != null) {
							above.add(removed, -1);
						}
					}
					block.remove();
				}
			}
		}
		for (Element paragraph : article.select("p")) {
			if (paragraph.parent() != null && paragraph.text().isBlank()
					&& paragraph.select("img, embed, object, iframe").isEmpty()) {
				paragraph.remove();
			}
		}
		return article;
	}

	/** Readability's conditional cleaning: link farms, image galleries, forms, lists. */
	private static boolean shouldRemove(Element block, TextStats stats, boolean weightClasses,
			Set<Element> dataTables) {
		if (dataTables.contains(block) || dataTables.contains(ElementSignals.closest(block, "table"))
				|| ElementSignals.inside(block, "code") || ElementSignals.inside(block, "pre")) {
			return false;
		}
		double weight = (weightClasses) ? ElementSignals.classWeight(block) : 0;
		if (weight < 0) {
			return true;
		}
		if (stats.commas >= 10) {
			return false;
		}
		boolean list = block.nameIs("ul") || block.nameIs("ol");
		int p = stats.p;
		int img = stats.img;
		int li = stats.li - 100;
		int input = stats.input;
		int embeds = stats.embeds;
		int length = stats.text;
		double headingDensity = (length == 0) ? 0 : (double) stats.headings / length;
		double density = stats.linkDensity();
		return img > 1 && (double) p / img < 0.5 && !ElementSignals.inside(block, "figure") || !list && li > p
				|| input > p / 3 || !list && headingDensity < 0.9 && length < 25 && (img == 0 || img > 2) && density > 0
				|| !list && weight < 25 && density > 0.2 || weight >= 25 && density > 0.5 || embeds == 1 && length < 75
				|| embeds > 1;
	}

	private static boolean dataTable(Element table) {
		if (table == null || table.attr("role").equals("presentation") || table.attr("datatable").equals("0")) {
			return false;
		}
		if (!table.attr("summary").isEmpty() || !table.select("caption, th, thead, tfoot, colgroup").isEmpty()) {
			return true;
		}
		if (!table.select("table").isEmpty() && table.select("table").size() > 1) {
			return false;
		}
		int rows = table.select("tr").size();
		int columns = 0;
		for (Element row : table.select("tr")) {
			columns = Math.max(columns, row.children().size());
		}
		return rows >= 10 || columns > 4 || rows * columns > 10;
	}

}
