#!/usr/bin/env bash
# Start-up benchmark: --help, the first start on an empty data directory and a second start
# (both to /actuator/health UP), and a command that touches the database (source list); then
# the same with the jar extracted and a class-data-sharing archive (AppCDS, Java 17+), the way
# the Docker image runs it. Prints wall time and CPU time (user+sys) of each, and the load.
#
# Usage: bench/startup.sh [JAR]   (default target/vigil.jar, built when missing)
# Environment: STARTUP_TIMEOUT (seconds to UP, default 300), STARTUP_CDS=0 skips the CDS part.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/start-lib.sh

jar="${1:-target/vigil.jar}"
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
timeout_up="${STARTUP_TIMEOUT:-300}"
work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-startup.XXXXXX")
data="$work/data"
trap 'stop_vigil "$data"; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

echo "startup: $(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

# cpu_of PID: user+sys seconds of a process and its children still alive (from /proc).
cpu_of() {
  local total=0 pid ticks
  ticks=$(getconf CLK_TCK)
  for pid in $1 $(pgrep -g "$1" 2>/dev/null || true); do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  awk -v t="$total" -v k="$ticks" 'BEGIN { printf "%.1f", t / k }'
}

# command_time LABEL JAVA_ARGS...: runs a command to its end, prints wall and CPU seconds.
command_time() {
  local label=$1 out
  shift
  out=$( { TIMEFORMAT='%R %U %S'; time VIGIL_EMBEDDEDDB_DATADIR="$data" java "$@" >/dev/null 2>"$work/cmd.err"; } 2>&1 | tail -1)
  awk -v l="$label" -v o="$out" 'BEGIN { split(o, f, " "); printf "startup: %-34s %6.1f s wall %6.1f s CPU\n", l, f[1], f[2] + f[3] }'
}

# server_time LABEL JAR JAVA_OPTIONS...: starts Vigil, prints the time to health UP, stops it.
server_time() {
  local label=$1 server_jar=$2 port t
  shift 2
  port=$(free_port)
  t=$(now)
  start_vigil "$server_jar" "$data" "$port" "$work/server.log" "$@"
  if ! wait_healthy "$port" "$timeout_up"; then
    tail -30 "$work/server.log"
    echo "startup: $label: not UP within $timeout_up s" >&2
    exit 1
  fi
  printf "startup: %-34s %6.1f s wall %6s s CPU (to health UP)\n" "$label" "$(since "$t")" "$(cpu_of "$VIGIL_PID")"
  stop_vigil "$data"
}

command_time "--help" -jar "$jar" --help
server_time "first start (empty data directory)" "$jar"
server_time "second start" "$jar"
# A command through the jar starts from a copy with a class-data archive (FastCommandStart): the
# first one after a build makes them (in a user.home of this run's own), later ones use them.
VIGIL_FAST_START=0 command_time "source list, in the jar's JVM" -jar "$jar" source list
command_time "source list, first after the build" -Duser.home="$work/home" -jar "$jar" source list
command_time "source list" -Duser.home="$work/home" -jar "$jar" source list
command_time "source list, again" -Duser.home="$work/home" -jar "$jar" source list

if [ "${STARTUP_CDS:-1}" != 0 ]; then
  # Spring Boot's recipe: extract the jar, record the classes one start loads, reuse them.
  java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
  VIGIL_EMBEDDEDDB_DATADIR="$data" VIGIL_SCHEDULING_ENABLED=false java -XX:ArchiveClassesAtExit="$work/app.jsa" \
    -Dspring.context.exit=onRefresh -jar "$work/app/vigil.jar" >"$work/training.log" 2>&1 \
    || { tail -20 "$work/training.log"; echo "startup: the CDS training run failed" >&2; exit 1; }
  server_time "second start, extracted + AppCDS" "$work/app/vigil.jar" -XX:SharedArchiveFile="$work/app.jsa"
  command_time "source list, extracted + AppCDS" -XX:SharedArchiveFile="$work/app.jsa" -jar "$work/app/vigil.jar" source list
fi
echo "startup: load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
