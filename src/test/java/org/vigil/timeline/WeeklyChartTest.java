package org.vigil.timeline;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entity chart's baseline (median of the twelve weeks before each week) and the weeks
 * marked well above it (at least 3 items and at least twice the baseline).
 */
class WeeklyChartTest {

	static final LocalDate FIRST = LocalDate.of(2026, 1, 5);

	@Test
	void theBaselineIsTheMedianOfTheTwelveWeeksBeforeEachWeekIncludingThoseBeforeTheChart() {
		Map<LocalDate, Long> counts = new HashMap<>();
		// Twelve weeks before the chart: 2 items a week, except one spike of 30 that the
		// median ignores.
		for (int i = 1; i <= 12; i++) {
			counts.put(FIRST.minusWeeks(i), (i == 5) ? 30L : 2L);
		}
		counts.put(FIRST, 2L);
		WeeklyChart chart = WeeklyChart.of(FIRST, 4, counts, Locale.ENGLISH);
		assertThat(chart.bars()).extracting(WeeklyChart.Bar::baseline).containsExactly(2.0, 2.0, 2.0, 2.0);
		assertThat(chart.total()).isEqualTo(2);
		assertThat(chart.marked()).isEmpty();
		assertThat(chart.baseline()).startsWith("M0 ").contains(" H12").contains(" L12 ");
	}

	@Test
	void aWeekWithAtLeastThreeItemsAndTwiceItsBaselineIsMarked() {
		Map<LocalDate, Long> counts = new HashMap<>();
		for (int i = 1; i <= 12; i++) {
			counts.put(FIRST.minusWeeks(i), 2L);
		}
		counts.put(FIRST, 4L); // twice the baseline of 2: marked
		counts.put(FIRST.plusWeeks(1), 3L); // 1.5 times: not marked
		WeeklyChart chart = WeeklyChart.of(FIRST, 3, counts, Locale.ENGLISH);
		assertThat(chart.marked()).containsExactly(FIRST);
		assertThat(chart.bars().get(0).marked()).isTrue();
		assertThat(chart.bars().get(1).marked()).isFalse();
		assertThat(chart.busiest()).isEqualTo(FIRST);
		assertThat(chart.busiestItems()).isEqualTo(4);
	}

	@Test
	void fromNothingTwoItemsAreNoNewsButThreeAre() {
		assertThat(WeeklyChart.wellAbove(2, 0)).isFalse();
		assertThat(WeeklyChart.wellAbove(3, 0)).isTrue();
		assertThat(WeeklyChart.wellAbove(9, 5)).isFalse();
		assertThat(WeeklyChart.wellAbove(10, 5)).isTrue();
		assertThat(WeeklyChart.median(new long[] { 0, 0, 1, 7 })).isEqualTo(0.5);
	}

	@Test
	void monthLabelsAreInTheViewersLanguage() {
		WeeklyChart chart = WeeklyChart.of(FIRST, 8, Map.of(), Locale.forLanguageTag("pl"));
		assertThat(chart.labels()).extracting(WeeklyChart.Label::text).first().asString().startsWith("sty");
		assertThat(chart.max()).isZero();
	}

}
