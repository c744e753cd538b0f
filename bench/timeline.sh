#!/usr/bin/env bash
# Timeline benchmark: load N synthetic items, start Vigil, measure four pages with wrk
# (8 connections), print p50/p95/p99 per page. Usage: bench/timeline.sh [ITEMS]
#
# Environment: BENCH_DATA_DIR (default ./data/bench-postgres, kept between runs so the load
# happens once), BENCH_PORT (18080), BENCH_DURATION (30s), BENCH_CONNECTIONS (8),
# BENCH_COUNTRY (PL), BENCH_PROGRAMME (k2pl), BENCH_QUERY ("air defence"),
# BENCH_ENTITY (country/PL), BENCH_WARMUP (20s per page before measuring). Needs wrk and curl; Java and Maven as for the build.
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

echo "== starting Vigil on port $PORT"
"$JAVA" -Xmx1g "${PG_OPTS[@]}" -jar target/vigil.jar --server.port="$PORT" > "$DATA_DIR.app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$PORT/actuator/health" >/dev/null

today=$(date -u +%F)
month_ago=$(date -u -d '30 days ago' +%F)
q=$(printf '%s' "$QUERY" | sed 's/ /+/g; s/"/%22/g')
declare -A pages=(
  [timeline]="/"
  [filtered]="/?country=$COUNTRY&programme=$PROGRAMME&from=$month_ago&to=$today"
  [fulltext]="/?q=$q"
  [entity]="/entities/$ENTITY"
)
# Warm-up: every page for WARMUP each before any is measured, so the JIT has compiled the
# code they share (a freshly started JVM serves the first page at a third of its speed).
WARMUP="${BENCH_WARMUP:-20s}"
for name in timeline filtered fulltext entity; do
  url="http://localhost:$PORT${pages[$name]}"
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$code" = 200 ] || { echo "$name: $url answered $code" >&2; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
done
for name in timeline filtered fulltext entity; do
  url="http://localhost:$PORT${pages[$name]}"
  printf '%-9s ' "$name"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/p95.lua "$url" | grep '^RESULT' | sed 's/^RESULT //'
done
