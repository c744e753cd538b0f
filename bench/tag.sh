#!/usr/bin/env bash
# End-to-end tagging benchmark: `vigil tag` on a large English text (the text TaggerBenchmark
# tags: the English passages of src/test/resources/tagging/passages.yaml among ordinary news
# sentences), on a migrated embedded database. Prints the wall times of the whole command on
# that text and on a one-line text (the difference is the tagging, start apart), then the MB/s
# after start (the command logs each file's time from reading it to writing its JSON, and the
# tagging thread's CPU time: cpuMillis=), median, best and worst of RUNS runs on all cores and
# as many pinned to one core with taskset, in turn.
# The tagger alone is measured by JMH: TaggerBenchmark.tagOneMegabyte (README, "Tagging").
#
# Usage: [RUNS=5] [SOURCE=text.txt] bench/tag.sh [MEGABYTES]   (default 40 MB; SOURCE: tag that
# file, repeated to the size, instead of the benchmark text)
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes="${1:-40}"
[ -f target/vigil.jar ] || ./mvnw -q -B -DskipTests package
if [ ! -f target/cp.txt ] || [ ! -f target/test-classes/org/vigil/tagging/TagBenchmarkText.class ]; then
  ./mvnw -q -B -Dspring-javaformat.skip=true test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-tag.XXXXXX")
trap 'rm -rf "$work"' EXIT
export VIGIL_EMBEDDEDDB_DATADIR="$work/data"

echo "tag: $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${SOURCE:-}" ]; then
  # Any UTF-8 text of one's own, repeated to the size asked for.
  while [ "$(stat -c %s "$work/text.txt" 2>/dev/null || echo 0)" -lt $((megabytes * 1000000)) ]; do
    cat "$SOURCE" >>"$work/text.txt"
    printf '\n\n' >>"$work/text.txt"
  done
  echo "tag: $SOURCE repeated: $(stat -c %s "$work/text.txt") bytes"
else
  java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.vigil.tagging.TagBenchmarkText \
    "$work/text.txt" "$megabytes" | sed 's/^/tag: /'
fi
echo "NATO Secretary General Mark Rutte met Polish soldiers." >"$work/line.txt"

# The first command migrates the new database; the timed ones find it ready.
java -jar target/vigil.jar tag "$work/line.txt" >/dev/null

timed() {
  local start end
  start=$(date +%s.%N)
  "${@:3}" java -jar target/vigil.jar tag --verbose "$1" >"$2"
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}
bytes=$(stat -c %s "$work/text.txt")
line_wall=$(timed "$work/line.txt" "$work/line.out")
text_wall=$(timed "$work/text.txt" "$work/text.out")
mentions=$(grep -o 'mentions=[0-9]*' "$work/text.out" | sed 's/mentions=//')
json_bytes=$(grep -v 'Tagged file=' "$work/text.out" | grep '^{' | wc -c)
awk -v b="$bytes" -v n="$mentions" -v j="$json_bytes" 'BEGIN {
  printf "tag: %.1f MB, %d mentions, %.1f MB of JSON written\n", b / 1e6, n, j / 1e6 }'
awk -v b="$bytes" -v l="$line_wall" -v t="$text_wall" 'BEGIN {
  printf "tag: whole command: %.1f s on the text, %.1f s on one line: %.1f MB/s from the difference\n", t, l, b / 1e6 / (t - l) }'

# After start: from reading the file to the last byte of JSON, as the command logs it, on the
# machine's cores and pinned to one (taskset), RUNS times each, in turn.
runs="${RUNS:-5}"
: >"$work/all.txt"
: >"$work/one.txt"
# The first CPU this shell may run on (a container's CPU set need not include 0).
cpu=$(taskset -pc $$ 2>/dev/null | sed 's/.*: *//; s/[-,].*//' || true)
for _ in $(seq "$runs"); do
  timed "$work/text.txt" "$work/text.out" >/dev/null
  grep -o 'cpuMillis=[0-9]* millis=[0-9]*' "$work/text.out" >>"$work/all.txt"
  if [ -n "$cpu" ]; then
    timed "$work/text.txt" "$work/text.out" taskset -c "$cpu" >/dev/null
    grep -o 'cpuMillis=[0-9]* millis=[0-9]*' "$work/text.out" >>"$work/one.txt"
  fi
done
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
report() {
  [ -s "$2" ] || return 0
  local walls cpu
  walls=$(sed 's/.*millis=//' "$2" | sort -n)
  cpu=$(sed 's/cpuMillis=\([0-9]*\).*/\1/' "$2" | median)
  awk -v b="$bytes" -v what="$1" -v m="$(echo "$walls" | median)" -v c="$cpu" \
    -v best="$(echo "$walls" | head -1)" -v worst="$(echo "$walls" | tail -1)" -v n="$(echo "$walls" | wc -l)" 'BEGIN {
    printf "tag: %s, %d runs: after start median %.2f s = %.1f MB/s (best %.1f, worst %.1f MB/s); tagging-thread CPU median %.1f MB/s\n",
      what, n, m / 1000, b / 1e6 / (m / 1000), b / 1e6 / (best / 1000), b / 1e6 / (worst / 1000), b / 1e6 / (c / 1000) }'
}
report "all cores" "$work/all.txt"
report "one core (taskset -c $cpu)" "$work/one.txt"
echo "tag: the tagger alone (JMH): README, Tagging, Performance; run TaggerBenchmark as shown there"
echo "tag: load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
