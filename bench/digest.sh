#!/usr/bin/env bash
# Digest benchmark: 10,000 users x 3 saved searches over N synthetic items; the whole weekly run
# renders and hands every mail to a local SMTP server the benchmark starts (a counting sink;
# -Dbench.greenmail=true for GreenMail).
# Usage: bench/digest.sh [DATA_DIR] [ITEMS]
#   DATA_DIR  embedded PostgreSQL data directory (default ./data/bench-postgres, shared with
#             bench/timeline.sh; items are loaded with demo-data when DATA_DIR.items says fewer)
#   ITEMS     synthetic items wanted (default 1,000,000)
# Environment: BENCH_USERS (10000). No server may be running on DATA_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR="${1:-$PWD/data/bench-postgres}"
ITEMS="${2:-1000000}"
echo "== load: $(uptime)"
log="$DATA_DIR.digest-bench.log"
status=0
./mvnw -B test -Dtest=DigestBenchmarkTest -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.datadir="$DATA_DIR" -Dbench.items="$ITEMS" -Dbench.users="${BENCH_USERS:-10000}" > "$log" 2>&1 || status=$?
grep -E '^BENCH|Tests run:|FAIL' "$log" | head -5
echo "== load: $(uptime)"
exit $status
