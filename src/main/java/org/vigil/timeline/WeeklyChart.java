package org.vigil.timeline;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bar chart of mentions per week as plain SVG geometry, drawn by the template: no
 * script, nothing for the Content-Security-Policy to forbid, readable without JavaScript.
 *
 * @param width view box width
 * @param height view box height
 * @param bars one per week, oldest first
 * @param labels month names under the weeks where a month starts
 * @param max the tallest bar's value
 * @param total mentions over the whole period
 * @param summary a sentence for screen readers
 */
record WeeklyChart(int width, int height, List<Bar> bars, List<Label> labels, long max, long total, String summary) {

	static final int BAR = 12;

	static final int PLOT_HEIGHT = 120;

	static final int TOP = 14;

	/** One week's bar. */
	record Bar(int x, int y, int width, int height, String title) {

	}

	/** A label at an x position. */
	record Label(int x, String text) {

	}

	static WeeklyChart of(LocalDate firstWeek, int weeks, Map<LocalDate, Long> counts, String what) {
		List<Bar> bars = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
		long total = 0;
		int busiestWeek = -1;
		int lastLabel = -100;
		for (int i = 0; i < weeks; i++) {
			LocalDate week = firstWeek.plusWeeks(i);
			long count = counts.getOrDefault(week, 0L);
			total += count;
			if (count == max && max > 0) {
				busiestWeek = i;
			}
			int height = (max == 0) ? 0 : (int) Math.round((double) count * PLOT_HEIGHT / max);
			if (count > 0 && height == 0) {
				height = 1;
			}
			int x = i * BAR;
			bars.add(new Bar(x + 1, TOP + PLOT_HEIGHT - height, BAR - 2, height,
					"Week of " + week + ": " + count + ((count == 1) ? " mention" : " mentions")));
			if ((i == 0 || week.getDayOfMonth() <= 7) && x - lastLabel >= 4 * BAR) {
				lastLabel = x;
				String month = week.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
				labels.add(new Label(x, (week.getMonthValue() == 1 || i == 0) ? month + " " + week.getYear() : month));
			}
		}
		String summary = what + ": " + total + " mentions in the " + weeks + " weeks from " + firstWeek
				+ ((busiestWeek >= 0) ? "; busiest week " + firstWeek.plusWeeks(busiestWeek) + " with " + max : "")
				+ ".";
		return new WeeklyChart(weeks * BAR, TOP + PLOT_HEIGHT + 18, bars, labels, max, total, summary);
	}

}
