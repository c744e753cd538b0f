package org.vigil.ingest;

import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The date formats the sources print, table-driven. */
class DateParserTest {

	@ParameterizedTest(name = "{0} in {1} -> {2} ({3})")
	@CsvSource(delimiter = '|', textBlock = """
			Tue, 15 Sep 2026 14:05:00 GMT          | UTC              | 2026-09-15T14:05:00Z | time
			Wed, 20 Jan 2016 09:00:00 +0100        | UTC              | 2016-01-20T08:00:00Z | time
			19 Sep. 2025 12:00:00 GMT              | Europe/Brussels  | 2025-09-19           | date
			Sept. 15, 2026                         | America/New_York | 2026-09-15           | date
			Aug. 3, 2026                           | America/New_York | 2026-08-03           | date
			January 14, 2016                       | America/New_York | 2016-01-14           | date
			07 July 2026                           | Europe/Brussels  | 2026-07-07           | date
			24 May. 2017                           | Europe/Brussels  | 2017-05-24           | date
			11 maja 2021, 11:49                    | Europe/Warsaw    | 2021-05-11T09:49:00Z | time
			3 września 2025                        | Europe/Warsaw    | 2025-09-03           | date
			22 października 2026 r.                | Europe/Warsaw    | 2026-10-22           | date
			10.09.2026                             | Europe/Bucharest | 2026-09-10           | date
			Nr. 289 10.09.2026 Print               | Europe/Bucharest | 2026-09-10           | date
			Comunicat de presă, din 05.03.2026     | Europe/Bucharest | 2026-03-05           | date
			12 martie 2026                         | Europe/Bucharest | 2026-03-12           | date
			4. März 2026                           | Europe/Berlin    | 2026-03-04           | date
			17. Dezember 2025, 14:30               | Europe/Berlin    | 2025-12-17T13:30:00Z | time
			3 février 2026                         | Europe/Paris     | 2026-02-03           | date
			1er août 2026                          | Europe/Paris     | 2026-08-01           | date
			2025-09-16T14:00:23.0000000+02:00      | UTC              | 2025-09-16T12:00:23Z | time
			2019-05-28T12:44:46.000+01:00          | UTC              | 2019-05-28T11:44:46Z | time
			2026-07-01T10:00:00Z                   | UTC              | 2026-07-01T10:00:00Z | time
			2021-05-11 09:49:18                    | Europe/Warsaw    | 2021-05-11T09:49:18Z | time
			2026-07-01                             | UTC              | 2026-07-01           | date
			17 July, 2026, 10:05 AM EET            | Europe/Kyiv      | 2026-07-17T07:05:00Z | time
			17 July, 2026, 3:05 PM EET             | Europe/Kyiv      | 2026-07-17T12:05:00Z | time
			Published January 14, 2016             | UTC              | 2016-01-14           | date
			""")
	void readsTheFormatsTheSourcesPrint(String raw, String zone, String expected, String precision) {
		PublishedDate date = DateParser.parse(raw, ZoneId.of(zone)).orElseThrow();
		assertThat(date.iso()).isEqualTo(expected);
		assertThat(date.precision().label()).isEqualTo(precision);
		assertThat(date.raw()).isEqualTo(raw);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			soon
			31.02.2026
			Smarch 3, 2026
			''
			""")
	void readsNothingFromTextWithoutAValidDate(String raw) {
		assertThat(DateParser.parse(raw, ZoneId.of("UTC"))).isEmpty();
	}

}
