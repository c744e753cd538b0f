#!/usr/bin/env bash
# A user's first start, from a clean clone: clone this checkout's HEAD into a temporary
# folder, build the jar with the JDK the user has (the java on PATH; ./mvnw finds a JDK 17+
# elsewhere when that one is older), start it on a free port with an empty data directory,
# wait for /actuator/health UP, start it a second time on the same data, and print the times.
# Exits non-zero when the build fails or Vigil is not UP in time; leaves no process behind.
#
# Usage: bench/first-start.sh   Environment: FIRST_START_TIMEOUT (seconds to UP, default 300),
# FIRST_START_BUILD_TIMEOUT (default 1200), FIRST_START_KEEP=1 keeps the temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/start-lib.sh

timeout_up="${FIRST_START_TIMEOUT:-300}"
timeout_build="${FIRST_START_BUILD_TIMEOUT:-1200}"
work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-first-start.XXXXXX")
data="$work/data"
cleanup() {
  stop_vigil "$data"
  if [ "${FIRST_START_KEEP:-}" = 1 ]; then echo "first-start: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "first-start: $(java -version 2>&1 | head -1) on PATH; other JDKs: $(ls -d /usr/lib/jvm/*/ 2>/dev/null | xargs -n1 basename 2>/dev/null | tr '\n' ' ')"
t=$(now)
git clone --quiet --no-hardlinks "$PWD" "$work/vigil"
echo "first-start: clone of $(git -C "$work/vigil" rev-parse --short HEAD) in $(since "$t") s"

t=$(now)
if ! (cd "$work/vigil" && timeout "$timeout_build" ./mvnw -q -B -DskipTests package >"$work/build.log" 2>&1); then
  tail -40 "$work/build.log"
  echo "first-start: FAILED: ./mvnw -q package -DskipTests did not build the jar" >&2
  exit 1
fi
echo "first-start: ./mvnw -q package -DskipTests in $(since "$t") s"
jar="$work/vigil/target/vigil.jar"

for run in first second; do
  port=$(free_port)
  t=$(now)
  start_vigil "$jar" "$data" "$port" "$work/$run.log"
  if ! wait_healthy "$port" "$timeout_up"; then
    tail -40 "$work/$run.log"
    echo "first-start: FAILED: the $run start was not UP on port $port within $timeout_up s" >&2
    exit 1
  fi
  echo "first-start: $run start: health UP in $(since "$t") s (port $port, data $data)"
  t=$(now)
  stop_vigil "$data"
  echo "first-start: stopped in $(since "$t") s"
done
echo "first-start: OK"
