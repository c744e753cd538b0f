#!/usr/bin/env bash
# Extraction accuracy benchmark: Vigil, readability4j and boilerpipe on the development set
# (130 real pages with the text a reader sees), in one run; prints body token F1, precision,
# recall, title match, date match and pages/s per extractor as a Markdown table.
# Usage: bench/extraction.sh [DEV_SET_DIR]   (default ../shared/bench/extraction-dev; the test
# skips when it is absent). Environment: BENCH_VERBOSE=true prints per-page F1 and slow pages;
# BENCH_DUMP=DIR writes each extractor's body per page under DIR/<extractor>/<page>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

DEV="${1:-../shared/bench/extraction-dev}"
ARGS=(-Dbench=true "-Dextraction.dev=$DEV" "-Dbench.verbose=${BENCH_VERBOSE:-false}")
if [ -n "${BENCH_DUMP:-}" ]; then
  ARGS+=("-Dbench.dump=$BENCH_DUMP")
fi
./mvnw -q -B test "${ARGS[@]}" -Dtest=ExtractionAccuracyBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E '^(\||BENCH|vigil |readability4j |boilerpipe )' || true
test -f target/surefire-reports/TEST-org.vigil.ingest.ExtractionAccuracyBenchmarkTest.xml \
  && ! grep -q '<failure' target/surefire-reports/TEST-org.vigil.ingest.ExtractionAccuracyBenchmarkTest.xml
