#!/usr/bin/env bash
# End-to-end tagging benchmark: `vigil tag` on a large English text (the text TaggerBenchmark
# tags: the English passages of src/test/resources/tagging/passages.yaml among ordinary news
# sentences), on a migrated embedded database. Prints MB/s excluding the start (the command
# logs each file's time from reading it to writing its JSON) and the wall times of the whole
# command on that text and on a one-line text (the difference is the tagging, start apart), and
# the MB/s on the tagging thread's CPU time (the command logs it too: cpuMillis=).
# The tagger alone is measured by JMH: TaggerBenchmark.tagOneMegabyte (README, "Tagging").
#
# Usage: bench/tag.sh [MEGABYTES]   (default 40)
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
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.vigil.tagging.TagBenchmarkText \
  "$work/text.txt" "$megabytes" | sed 's/^/tag: /'
echo "NATO Secretary General Mark Rutte met Polish soldiers." >"$work/line.txt"

# The first command migrates the new database; the timed ones find it ready.
java -jar target/vigil.jar tag "$work/line.txt" >/dev/null

timed() {
  local start end
  start=$(date +%s.%N)
  java -jar target/vigil.jar tag --verbose "$1" >"$2"
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}
line_wall=$(timed "$work/line.txt" "$work/line.out")
text_wall=$(timed "$work/text.txt" "$work/text.out")
bytes=$(stat -c %s "$work/text.txt")
millis=$(grep -o 'Tagged file=.* millis=[0-9]*' "$work/text.out" | sed 's/.*millis=//')
mentions=$(grep -o 'mentions=[0-9]*' "$work/text.out" | sed 's/mentions=//')
cpu_millis=$(grep -o 'cpuMillis=[0-9]*' "$work/text.out" | sed 's/cpuMillis=//')
json_bytes=$(grep -v 'Tagged file=' "$work/text.out" | grep '^{' | wc -c)
awk -v b="$bytes" -v m="$millis" -v n="$mentions" -v j="$json_bytes" 'BEGIN {
  printf "tag: %.1f MB tagged in %.2f s after start: %.1f MB/s (read, tag, %d mentions, %.1f MB of JSON written)\n", b / 1e6, m / 1000, b / 1e6 / (m / 1000), n, j / 1e6 }'
awk -v b="$bytes" -v c="$cpu_millis" 'BEGIN {
  printf "tag: %.2f s of tagging-thread CPU time: %.1f MB/s on CPU time (a busy machine distorts it least)\n", c / 1000, b / 1e6 / (c / 1000) }'
awk -v b="$bytes" -v l="$line_wall" -v t="$text_wall" 'BEGIN {
  printf "tag: whole command: %.1f s on the text, %.1f s on one line: %.1f MB/s from the difference\n", t, l, b / 1e6 / (t - l) }'
echo "tag: the tagger alone (JMH): README, Tagging, Performance; run TaggerBenchmark as shown there"
echo "tag: load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
