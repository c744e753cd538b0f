package org.vigil.timeline;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bar chart of distinct items per week, with the entity's own baseline drawn as steps
 * and the weeks well above it marked, as plain SVG geometry drawn by the template: no
 * script, nothing for the Content-Security-Policy to forbid, readable without JavaScript.
 * Items, not mentions, are counted so that one long speech naming a minister forty times
 * is one item, not a trend.
 *
 * @param width view box width
 * @param height view box height
 * @param bars one per week, oldest first
 * @param labels month names under the weeks where a month starts
 * @param baseline the SVG path of the baseline steps
 * @param max the top of the scale
 * @param total items over the whole period
 * @param busiest the week with most items, or null when there were none
 * @param busiestItems its items
 * @param marked the weeks well above the baseline, oldest first
 */
record WeeklyChart(int width, int height, List<Bar> bars, List<Label> labels, String baseline, long max, long total,
		LocalDate busiest, long busiestItems, List<LocalDate> marked) {

	static final int BAR = 12;

	static final int PLOT_HEIGHT = 120;

	static final int TOP = 14;

	/** Weeks before each week whose median is its baseline. */
	static final int BASELINE_WEEKS = 12;

	/** A week is well above its baseline at this many times it... */
	static final int MARK_FACTOR = 2;

	/** ...and with at least this many items, so that 0 → 1 is no news. */
	static final int MARK_MIN_ITEMS = 3;

	/**
	 * One week's bar.
	 *
	 * @param week its Monday
	 * @param items distinct items that week
	 * @param baseline median items per week over the twelve weeks before
	 * @param marked well above the baseline
	 */
	record Bar(int x, int y, int width, int height, LocalDate week, long items, double baseline, boolean marked) {

	}

	/** A label at an x position. */
	record Label(int x, String text) {

	}

	/**
	 * The chart of {@code weeks} weeks from {@code firstWeek}; {@code counts} holds items
	 * per week from {@link #BASELINE_WEEKS} weeks before it, for the first weeks'
	 * baselines.
	 */
	static WeeklyChart of(LocalDate firstWeek, int weeks, Map<LocalDate, Long> counts, Locale locale) {
		long[] all = new long[BASELINE_WEEKS + weeks];
		for (int i = 0; i < all.length; i++) {
			all[i] = counts.getOrDefault(firstWeek.plusWeeks(i - BASELINE_WEEKS), 0L);
		}
		double[] baselines = new double[weeks];
		long max = 0;
		for (int i = 0; i < weeks; i++) {
			baselines[i] = median(Arrays.copyOfRange(all, i, i + BASELINE_WEEKS));
			max = Math.max(max, Math.max(all[BASELINE_WEEKS + i], (long) Math.ceil(baselines[i])));
		}
		List<Bar> bars = new ArrayList<>();
		List<LocalDate> marked = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		int lastLabel = -100;
		StringBuilder path = new StringBuilder();
		long total = 0;
		long busiestItems = 0;
		LocalDate busiest = null;
		for (int i = 0; i < weeks; i++) {
			LocalDate week = firstWeek.plusWeeks(i);
			long count = all[BASELINE_WEEKS + i];
			total += count;
			if (count > busiestItems) {
				busiestItems = count;
				busiest = week;
			}
			boolean mark = wellAbove(count, baselines[i]);
			if (mark) {
				marked.add(week);
			}
			int height = scale(count, max);
			if (count > 0 && height == 0) {
				height = 1;
			}
			int x = i * BAR;
			bars.add(new Bar(x + 1, TOP + PLOT_HEIGHT - height, BAR - 2, height, week, count, baselines[i], mark));
			if ((i == 0 || week.getDayOfMonth() <= 7) && x - lastLabel >= 4 * BAR) {
				lastLabel = x;
				String month = week.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, locale);
				labels.add(new Label(x, (week.getMonthValue() == 1 || i == 0) ? month + " " + week.getYear() : month));
			}
			int y = TOP + PLOT_HEIGHT - scale(baselines[i], max);
			path.append((i == 0) ? "M" : " L").append(x).append(' ').append(y).append(" H").append(x + BAR);
		}
		return new WeeklyChart(weeks * BAR, TOP + PLOT_HEIGHT + 18, bars, labels, path.toString(), max, total, busiest,
				busiestItems, List.copyOf(marked));
	}

	/** Whether a week's items are well above its baseline: see the constants. */
	static boolean wellAbove(long items, double baseline) {
		return items >= MARK_MIN_ITEMS && items >= MARK_FACTOR * baseline && items > baseline;
	}

	static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
	}

	private static int scale(double value, long max) {
		return (max == 0) ? 0 : (int) Math.round(value * PLOT_HEIGHT / max);
	}

}
