#!/usr/bin/env bash
# Do the read models cost anything? Runs each query of bench/read-models.sql with EXPLAIN
# twice, over the views (item_view, source_view, item_entity_view, entity_view) and over the
# tables behind them, and prints whether the plans are the same, then EXPLAIN ANALYZE times.
# Usage: bench/read-models.sh PSQL_CONNECTION_ARGS... (e.g. -h 127.0.0.1 -p 5432 -U postgres -d vigil)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
country=$(psql "$@" -Atc "select id from entity where type = 'country' and key = '${BENCH_COUNTRY:-PL}'")
programme=$(psql "$@" -Atc "select id from entity where type = 'programme' and key = '${BENCH_PROGRAMME:-k2pl}'")
vars=(-v country_id="$country" -v programme_id="$programme" -v q="${BENCH_QUERY:-air defence}")
# One statement per file: the blocks of read-models.sql are separated by blank lines.
awk -v dir="$work" 'BEGIN { RS = ""; n = 0 } /select/ { n++; print > (dir "/" n ".sql") }' bench/read-models.sql
status=0
for query in $(ls "$work"/*.sql | sort -V); do
  n=$(basename "$query" .sql)
  sed -E 's/\b(item|source|item_entity|entity)_view\b/\1/g' "$query" > "$work/$n.tables"
  for form in views tables; do
    file=$query; [ "$form" = tables ] && file=$work/$n.tables
    # A view's relations appear under their table names, not the query's aliases: compare
    # the plans without aliases and column qualifiers.
    { echo 'explain (costs off)'; grep -v '^--' "$file"; } | psql "$@" "${vars[@]}" -qAt \
      | sed -E 's/ on ([a-z_]+) [a-z_0-9]+$/ on \1/; s/\b[a-z_][a-z_0-9]*\.([a-z_])/\1/g' > "$work/$n.$form.plan"
  done
  if cmp -s "$work/$n.views.plan" "$work/$n.tables.plan"; then same=same; else same=DIFFERENT; status=1; fi
  views_ms=$({ echo 'explain (analyze)'; grep -v '^--' "$query"; } | psql "$@" "${vars[@]}" -qAt | sed -n 's/^Execution Time: //p')
  tables_ms=$({ echo 'explain (analyze)'; grep -v '^--' "$work/$n.tables"; } | psql "$@" "${vars[@]}" -qAt | sed -n 's/^Execution Time: //p')
  printf '%-2s plan %-9s views %-12s tables %-12s %s\n' "$n" "$same" "$views_ms" "$tables_ms" "$(head -1 "$query" | sed 's/^-- //')"
  [ "$same" = same ] || diff "$work/$n.tables.plan" "$work/$n.views.plan" || true
done
exit $status
