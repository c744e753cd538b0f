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

# A command through the jar, as a user types it: the first one after a build extracts the jar
# and writes the class-data archive (~/.cache/vigil/fast-start, here under a user.home of the run's
# own), later ones start from them.
for run in first second third; do
  t=$(now)
  if ! VIGIL_EMBEDDEDDB_DATADIR="$data" timeout 300 java -Duser.home="$work/home" -jar "$jar" source list \
      >"$work/command-$run.out" 2>"$work/command-$run.err" </dev/null; then
    cat "$work/command-$run.err"
    echo "first-start: FAILED: 'java -jar vigil.jar source list' ($run run) did not exit 0" >&2
    exit 1
  fi
  if ! grep -q nato "$work/command-$run.out"; then
    cat "$work/command-$run.out" "$work/command-$run.err"
    echo "first-start: FAILED: 'source list' ($run run) did not list the shipped sources" >&2
    exit 1
  fi
  echo "first-start: 'java -jar vigil.jar source list' ($run run): $(since "$t") s"
done
if ! ls "$work"/home/.cache/vigil/fast-start/*/*/app.jsa >/dev/null 2>&1; then
  echo "first-start: FAILED: no class-data archive was written for commands" >&2
  exit 1
fi
echo "first-start: OK"
