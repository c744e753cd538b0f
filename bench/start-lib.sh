# Shared by bench/first-start.sh and bench/startup.sh (sourced, bash): start Vigil in the
# background on a free port with its own data directory, wait for /actuator/health UP, stop
# it and everything it started.

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# start_vigil JAR DATA_DIR PORT LOG [JAVA_OPTION...]: sets VIGIL_PID (a process group of its own).
start_vigil() {
  local jar=$1 data=$2 port=$3 log=$4
  shift 4
  VIGIL_EMBEDDEDDB_DATADIR="$data" VIGIL_SCHEDULING_ENABLED=false VIGIL_DIGEST_ENABLED=false \
    setsid java "$@" -jar "$jar" --server.port="$port" >"$log" 2>&1 </dev/null &
  VIGIL_PID=$!
}

# wait_healthy PORT TIMEOUT_SECONDS: 0 once /actuator/health says UP, 1 when the time is up
# or Vigil exited.
wait_healthy() {
  local port=$1 timeout=$2 started
  started=$(date +%s)
  while [ $(($(date +%s) - started)) -lt "$timeout" ]; do
    if curl -fsS --max-time 5 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      return 0
    fi
    kill -0 "$VIGIL_PID" 2>/dev/null || return 1
    sleep 0.25
  done
  return 1
}

# stop_vigil DATA_DIR: TERM (a graceful stop also stops the embedded PostgreSQL), KILL after
# 60 s, then anything left in the process group and a PostgreSQL still on the data directory.
stop_vigil() {
  local data=$1 i
  [ -n "${VIGIL_PID:-}" ] || return 0
  kill -TERM "$VIGIL_PID" 2>/dev/null || true
  for i in $(seq 1 240); do
    kill -0 "$VIGIL_PID" 2>/dev/null || break
    sleep 0.25
  done
  kill -KILL -- "-$VIGIL_PID" 2>/dev/null || true
  wait "$VIGIL_PID" 2>/dev/null || true
  if [ -f "$data/postmaster.pid" ]; then
    local pg
    pg=$(head -1 "$data/postmaster.pid")
    if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null; then
      kill -TERM "$pg" 2>/dev/null || true
      sleep 2
      kill -KILL "$pg" 2>/dev/null || true
    fi
  fi
  VIGIL_PID=
}
