# Functions of overload.sh and overhead.sh; sourced, not run.

source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"

BENCH="$ROOT/bench/Ego.Resilience.Bench/bin/Release/net10.0/Ego.Resilience.Bench"
declare -A PIDS

build() {
  log "building Release"
  dotnet build "$ROOT/bench/Ego.Resilience.Bench/Ego.Resilience.Bench.csproj" -c Release -nologo -v q > "$OUT/build.log" \
    || { log "build failed: $(grep -m 5 ' error ' "$OUT/build.log")"; exit 1; }
}

# start_server NAME PORT [--key=value ...]: the spin server pinned to the server core, on 127.0.0.1:PORT; its output
# goes to $OUT/server-NAME.log.
start_server() {
  local name=$1 port=$2
  shift 2
  mkdir -p "$OUT/logs-$name"
  local config=${SERVER_CONFIG:-server.toml}
  [[ $config == /* ]] || config="$ROOT/bench/resilience/$config"
  "${SERVER_PIN[@]}" "$BENCH" server --config="$config" --server.grpc.port="$port" \
    --logger.ego.dir="$OUT/logs-$name" --logger.default.dir="$OUT/logs-$name" "$@" > "$OUT/server-$name.log" 2>&1 &
  PIDS[$name]=$!
  for _ in $(seq 1 150); do
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && { log "server $name on 127.0.0.1:$port: $*"; return 0; }
    sleep 0.1
  done
  log "server $name did not start: $(tail -n 5 "$OUT/server-$name.log")"
  exit 1
}

# stop_server [NAME]: that server, or every one started. SIGTERM, then SIGKILL after 10 s: an overloaded server would
# otherwise drain its backlog first.
stop_server() {
  local name pid names=("$@")
  [ $# -gt 0 ] || names=("${!PIDS[@]}")
  for name in "${names[@]}"; do
    pid=${PIDS[$name]:-}
    [ -n "$pid" ] || continue
    kill -TERM "$pid" 2> /dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    unset "PIDS[$name]"
  done
}

# field FILE NAME: the value printed by the load command as "NAME: value".
field() { awk -v key="$2:" '$1 == key { print $2 }' "$1"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

best() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { print (b > a ? b : a) }'; }
