#!/usr/bin/env bash
# Timeline benchmark: load N synthetic items, start Vigil, measure six pages with wrk
# (8 connections), print p50/p95/p99 per page. Usage: bench/timeline.sh [ITEMS]
# The sixth page is the timeline with "unread only" (/?unread=1), as a signed-in analyst
# who has read the newest BENCH_READ items (1,000), so the page skips them by anti-join.
#
# Environment: BENCH_DATA_DIR (default ./data/bench-postgres, kept between runs so the load
# happens once), BENCH_PORT (18080), BENCH_DURATION (30s), BENCH_CONNECTIONS (8),
# BENCH_COUNTRY (PL), BENCH_PROGRAMME (k2pl), BENCH_QUERY ("air defence"),
# BENCH_ENTITY (country/PL), BENCH_READ (1000), BENCH_WARMUP (20s per page before measuring). Needs wrk and curl; Java and Maven as for the build.
set -euo pipefail
cd "$(dirname "$0")/.."

ITEMS="${1:-1000000}"
DATA_DIR="${BENCH_DATA_DIR:-$PWD/data/bench-postgres}"
PORT="${BENCH_PORT:-18080}"
DURATION="${BENCH_DURATION:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
COUNTRY="${BENCH_COUNTRY:-PL}"
PROGRAMME="${BENCH_PROGRAMME:-k2pl}"
QUERY="${BENCH_QUERY:-air defence}"
ENTITY="${BENCH_ENTITY:-country/PL}"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

[ -f target/vigil.jar ] || ./mvnw -B -q -DskipTests package

export VIGIL_EMBEDDEDDB_DATADIR="$DATA_DIR"
export VIGIL_SCHEDULING_ENABLED=false
# wrk measures pages, not logins: the benchmark instance serves the timeline without one.
export VIGIL_USERS_PUBLIC_TIMELINE=true
# A little more memory for PostgreSQL than the embedded defaults.
PG_OPTS=(-Dvigil.embedded-db.server-config.shared_buffers=512MB
         -Dvigil.embedded-db.server-config.work_mem=16MB
         -Dvigil.embedded-db.server-config.effective_cache_size=4GB)

marker="$DATA_DIR.items"
have=$(cat "$marker" 2>/dev/null || echo 0)
if [ "$have" -lt "$ITEMS" ]; then
  echo "== loading $((ITEMS - have)) synthetic items into $DATA_DIR"
  start=$(date +%s)
  "$JAVA" "${PG_OPTS[@]}" -jar target/vigil.jar demo-data --items "$((ITEMS - have))"
  echo "$ITEMS" > "$marker"
  echo "== loaded in $(( $(date +%s) - start )) s"
fi

# The reader of the unread page: a new analyst account for each run, so that the marks of
# earlier runs on a kept data directory do not add up (each run marks the newest BENCH_READ).
READER="bench-reader-$(date +%s)@example.org"
READER_PASSWORD=bench-reader-password
printf '%s\n' "$READER_PASSWORD" | "$JAVA" "${PG_OPTS[@]}" -jar target/vigil.jar user add --email "$READER" \
  --password-stdin >/dev/null 2>&1 || true

echo "== starting Vigil on port $PORT"
"$JAVA" -Xmx1g "${PG_OPTS[@]}" -jar target/vigil.jar --server.port="$PORT" > "$DATA_DIR.app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$PORT/actuator/health" >/dev/null

# Log the reader in (the login form wants the page's CSRF token) and read the newest
# BENCH_READ items: each round marks the last card of the unread page and all above it.
jar="$DATA_DIR.cookies"
rm -f "$jar"
# (sed, not head: with pipefail, head closing the pipe early would fail the script.)
csrf() { grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed -n '1{s/.*value="//; s/"$//; p}'; }
token=$(curl -fs -c "$jar" -b "$jar" "http://localhost:$PORT/login" | csrf)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$READER" \
  --data-urlencode "password=$READER_PASSWORD" --data-urlencode "_csrf=$token" "http://localhost:$PORT/login"
cookie=$(awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " } /^#HttpOnly_/ { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")
READ="${BENCH_READ:-1000}"
marked=0
while [ "$marked" -lt "$READ" ]; do
  page=$(curl -fs -b "$jar" "http://localhost:$PORT/?unread=1")
  last=$(printf '%s' "$page" | grep -o 'data-item-id="[0-9]*"' | tail -1 | grep -o '[0-9]*')
  [ -n "$last" ] || break
  token=$(printf '%s' "$page" | csrf)
  curl -fs -o /dev/null -b "$jar" --data "through=$last&back=/&_csrf=$token" "http://localhost:$PORT/read/above"
  marked=$((marked + $(printf '%s' "$page" | grep -c 'data-item-id="')))
done
echo "== $READER has read about $marked of the newest items"

today=$(date -u +%F)
month_ago=$(date -u -d '30 days ago' +%F)
q=$(printf '%s' "$QUERY" | sed 's/ /+/g; s/"/%22/g')
declare -A pages=(
  [timeline]="/"
  [filtered]="/?country=$COUNTRY&programme=$PROGRAMME&from=$month_ago&to=$today"
  [fulltext]="/?q=$q"
  [entity]="/entities/$ENTITY"
  [signedin]="/"
  [unread]="/?unread=1"
)
# Pages measured as the signed-in reader; the others as a visitor.
# signedin is the plain timeline as that reader (session, marks of the page), the baseline
# of unread.
declare -A headers=([signedin]="Cookie: $cookie" [unread]="Cookie: $cookie")
# Warm-up: every page for WARMUP each before any is measured, so the JIT has compiled the
# code they share (a freshly started JVM serves the first page at a third of its speed).
WARMUP="${BENCH_WARMUP:-20s}"
for name in timeline filtered fulltext entity signedin unread; do
  url="http://localhost:$PORT${pages[$name]}"
  header="${headers[$name]:-X-Bench: 1}"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$url")
  [ "$code" = 200 ] || { echo "$name: $url answered $code" >&2; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "$header" "$url" >/dev/null
done
for name in timeline filtered fulltext entity signedin unread; do
  url="http://localhost:$PORT${pages[$name]}"
  header="${headers[$name]:-X-Bench: 1}"
  printf '%-9s ' "$name"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "$header" --latency -s bench/p95.lua "$url" | grep '^RESULT' | sed 's/^RESULT //'
done
# The unread page must really be the reader's: it lists no item the reader has read.
shown_read=$(curl -fs -H "${headers[unread]}" "http://localhost:$PORT/?unread=1" | grep -c 'data-read="true"' || true)
[ "$shown_read" = 0 ] || { echo "the unread page shows $shown_read read items" >&2; exit 1; }
