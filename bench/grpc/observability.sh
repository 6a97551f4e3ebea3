#!/usr/bin/env bash
# What the default observability interceptors cost: the Echo service as a whole Ego application with the access log
# (written to a file), metrics and tracing sampled at 10% (exported over OTLP/HTTP to a local sink), against the same
# application with those interceptors off, under h2load (unary, 16-byte message). Prints a Markdown table with the
# ratio, for each handler work level: 0 is the bare echo (the interceptors against the transport alone); other levels
# keep the handler busy on the CPU for that long per call (bench.handlerWork), as a service that computes something.
# Environment: DURATION (s, default 5), WARMUP (s, default 3), ROUNDS (default 3), WORKS (default "0 10us 25us 50us"),
# SERVER_CPU / LOAD_CPU, OUT.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-3}
read -r -a WORKS <<< "${WORKS:-0 10us 25us 50us}"
OUT=${OUT:-$(mktemp -d /tmp/ego-observability-bench.XXXXXX)}
BENCH="$ROOT/bench/Ego.Grpc.Bench/bin/Release/net10.0/Ego.Grpc.Bench"
KESTREL="$ROOT/bench/Ego.Grpc.Bench.Kestrel/bin/Release/net10.0/Ego.Grpc.Bench.Kestrel"
NODE_DIR="$ROOT/bench/grpc-js"
CONFIGS="$ROOT/bench/grpc/observability"
mkdir -p "$OUT"

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap stop_servers EXIT

ensure_tools
build_all
make_bodies
measure_steady_state

# Waits until something accepts connections on 127.0.0.1:$1.
wait_port() {
  for _ in $(seq 1 150); do
    (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0
    sleep 0.1
  done
  log "nothing listens on 127.0.0.1:$1: $(tail -n 5 "$OUT"/app-*.log 2> /dev/null)"
  exit 1
}

"${LOAD_PIN[@]}" "$BENCH" sink --port=0 > "$OUT/sink.log" 2>&1 &
PIDS[sink]=$!
for _ in $(seq 1 100); do SINK_PORT=$(sed -n 's/^listening on //p' "$OUT/sink.log"); [ -n "$SINK_PORT" ] && break; sleep 0.1; done
[ -n "${SINK_PORT:-}" ] || { log "the OTLP sink did not start: $(cat "$OUT/sink.log")"; exit 1; }

start_app() {
  local name=$1 grpc_port=$2 governor_port=$3 work=$4
  mkdir -p "$OUT/logs-$name"
  "${SERVER_PIN[@]}" "$BENCH" app --config="$CONFIGS/$name.toml" --bench.handlerWork="$work" --server.grpc.port="$grpc_port" \
    --server.governor.port="$governor_port" --logger.ego.dir="$OUT/logs-$name" --logger.default.dir="$OUT/logs-$name" \
    --trace.otlp.endpoint="http://127.0.0.1:$SINK_PORT" > "$OUT/app-$name.log" 2>&1 &
  PIDS[$name]=$!
  PORTS[$name]=$grpc_port
  wait_port "$grpc_port"
  log "app $name on 127.0.0.1:$grpc_port (governor $governor_port), $(grep -m 1 '^handler work' "$OUT/app-$name.log")"
}

# The JIT figures of an application, from its governor's /debug/runtime (settle_jit waits until they stop growing).
compiled_methods() {
  curl -s "http://127.0.0.1:$1/debug/runtime" | sed -n 's/.*"compiledMethods":\([0-9]*\).*/\1/p'
}

declare -A RPS
SCENARIO=unary-16
CONCURRENCIES=(50 200)
ACCESS_LINES=0
for work in "${WORKS[@]}"; do
  start_app on 19102 19103 "$work"
  start_app off 19112 19113 "$work"
  settle_jit "app on" "http://127.0.0.1:19102/ego.bench.v1.Echo/Unary" "$OUT/$SCENARIO.bin" compiled_methods 19103
  settle_jit "app off" "http://127.0.0.1:19112/ego.bench.v1.Echo/Unary" "$OUT/$SCENARIO.bin" compiled_methods 19113
  # The bare echo is measured at both stream counts; with handler work the server is busy enough at 50.
  levels=("${CONCURRENCIES[@]}")
  [ "$work" != 0 ] && levels=(50)
  for round in $(seq 1 "$ROUNDS"); do
    for concurrency in "${levels[@]}"; do
      for name in on off; do
        RPS[$name,$work,$concurrency]=$(best "${RPS[$name,$work,$concurrency]:-0}" "$(run_h2load "$SCENARIO" "$concurrency" "$name" "$work-$round")")
      done
    done
  done
  # The application really observed the calls: access lines in its log, ego_server_handle_total on /metrics.
  ACCESS_LINES=$((ACCESS_LINES + $(cat "$OUT"/logs-on/* 2> /dev/null | grep -c '"msg":"access"' || true)))
  METRIC=$(curl -s "http://127.0.0.1:19103/metrics" | grep -m 1 '^ego_server_handle_total' || true)
  kill "${PIDS[on]}" "${PIDS[off]}" 2> /dev/null || true
  wait "${PIDS[on]}" "${PIDS[off]}" 2> /dev/null || true
  unset 'PIDS[on]' 'PIDS[off]'
  rm -rf "$OUT/logs-on" "$OUT/logs-off"
done

stop_servers
EXPORTS=$(sed -n 's/^exports received: //p' "$OUT/sink.log")

{
  echo "Unary echo (16 B) through an Ego application: h2load requests/s, best of $ROUNDS rounds"
  echo
  echo "| handler work | streams | interceptors off | access log + metrics + tracing 10% | on / off |"
  echo "|---|---:|---:|---:|---:|"
  for work in "${WORKS[@]}"; do
    for concurrency in "${CONCURRENCIES[@]}"; do
      [ -n "${RPS[off,$work,$concurrency]:-}" ] || continue
      printf '| %s | %s | %.0f | %.0f | %s |\n' "$([ "$work" = 0 ] && echo "none (echo)" || echo "$work CPU")" "$concurrency" \
        "${RPS[off,$work,$concurrency]}" "${RPS[on,$work,$concurrency]}" "$(ratio "${RPS[on,$work,$concurrency]}" "${RPS[off,$work,$concurrency]}")"
    done
  done
  echo
  echo "Checks: $ACCESS_LINES access-log lines written; OTLP exports received: ${EXPORTS:-0}; first metric line: ${METRIC:-none}"
} | tee "$OUT/results.md"
echo "raw output: $OUT" >&2
