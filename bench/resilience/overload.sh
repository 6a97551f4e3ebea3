#!/usr/bin/env bash
# Adaptive load shedding under overload: a CPU-bound unary method (bench.spin, default 1ms of CPU per call) on one
# core. Measures the capacity (closed loop) and the unloaded p99 (one caller), then offers 3x the capacity at fixed
# arrival times (each call leaves at its own time, whether or not earlier ones were answered; each has a deadline)
# with shedding on and off. Prints a Markdown table: goodput (successful calls/s) against capacity, p99 of successful
# calls against the unloaded p99.
# The CPU figure is smoothed as go-zero's (EWMA 0.95 every 250 ms: ~11 s to reach 90%), so the warm-up is long.
# The server prints the CPU figure it sheds on every second (server-shedding-true.log): on a machine where other work
# keeps the server's core from reaching the threshold, shedding cannot start (SHED_THRESHOLD lowers it for a check).
# Environment: SPIN (default 1ms), FACTOR (3), DURATION (s, 10), WARMUP (s, 15), DEADLINE (1s), SHED_THRESHOLD (900),
# SERVER_CPU / LOAD_CPU, OUT.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SPIN=${SPIN:-1ms}
FACTOR=${FACTOR:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-15}
DEADLINE=${DEADLINE:-1s}
SHED_THRESHOLD=${SHED_THRESHOLD:-900}
OUT=${OUT:-$(mktemp -d /tmp/ego-overload-bench.XXXXXX)}
mkdir -p "$OUT"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap stop_server EXIT
build
measure_steady_state

load() {
  local name=$1
  shift
  "${LOAD_PIN[@]}" "$BENCH" load --target="127.0.0.1:19201" --deadline="$DEADLINE" "$@" > "$OUT/load-$name.log" 2>&1
  log "$name: goodput $(field "$OUT/load-$name.log" goodput/s)/s p99 $(field "$OUT/load-$name.log" p99_ms) ms refused $(field "$OUT/load-$name.log" refused) failed $(field "$OUT/load-$name.log" failed)"
}

# Every server is measured on settled code: a p99 taken while the JIT still recompiles on the server's core is loose.
printf '\x00\x00\x00\x00\x01x' > "$OUT/request.bin"
start_server baseline 19201 --bench.spin="$SPIN" --server.grpc.enableShedding=false
settle_jit "server baseline" "http://127.0.0.1:19201/bench.Spin/Work" "$OUT/request.bin" printed_jit_count baseline
load capacity --concurrency=8 --warmup=3s --duration=5s
load unloaded --concurrency=1 --warmup=3s --duration=5s
stop_server
UNLOADED_P99=$(field "$OUT/load-unloaded.log" p99_ms)
CAPACITY=$(field "$OUT/load-capacity.log" goodput/s)
RATE=$(awk -v c="$CAPACITY" -v f="$FACTOR" 'BEGIN { printf "%d", c * f }')

# A third row isolates the algorithm from the CPU measurement: shedding on a CPU figure pinned at 1000.
for shedding in true false pinned; do
  if [ $shedding = pinned ]; then
    start_server "shedding-$shedding" 19201 --bench.spin="$SPIN" --server.grpc.enableShedding=true --bench.fixedCpu=1000
  else
    start_server "shedding-$shedding" 19201 --bench.spin="$SPIN" --server.grpc.enableShedding="$shedding" --server.grpc.sheddingCpuThreshold="$SHED_THRESHOLD"
  fi
  settle_jit "server shedding-$shedding" "http://127.0.0.1:19201/bench.Spin/Work" "$OUT/request.bin" printed_jit_count "shedding-$shedding"
  load "overload-$shedding" --rate="$RATE" --connections=4 --warmup="${WARMUP}s" --duration="${DURATION}s"
  stop_server
done

{
  echo "Overload: $SPIN of CPU per call on one core, capacity $CAPACITY calls/s (closed loop), unloaded p99 $UNLOADED_P99 ms,"
  echo "shedding threshold $SHED_THRESHOLD per-mille (server CPU figure at the end of the shedding run: $(grep '^cpu:' "$OUT/server-shedding-true.log" | tail -n 1 | cut -d';' -f1));"
  echo "offered ${FACTOR}x capacity = $RATE calls/s at fixed arrival times, deadline $DEADLINE, measured ${DURATION}s after ${WARMUP}s."
  echo
  echo "| shedding | goodput/s | goodput / capacity | p99 ms (ok calls) | p99 / unloaded p99 | refused (UNAVAILABLE) | failed (other) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for shedding in true false pinned; do
    f="$OUT/load-overload-$shedding.log"
    label=on
    [ $shedding = false ] && label=off
    [ $shedding = pinned ] && label="on, CPU figure pinned at 1000"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$(field "$f" goodput/s)" \
      "$(ratio "$(field "$f" goodput/s)" "$CAPACITY")" "$(field "$f" p99_ms)" "$(ratio "$(field "$f" p99_ms)" "$UNLOADED_P99")" \
      "$(field "$f" refused)" "$(field "$f" failed)"
  done
  echo
  echo "Target: shedding on keeps goodput / capacity >= 0.80 and p99 / unloaded p99 <= 2; shedding off collapses."
} | tee "$OUT/results.md"
echo "raw output: $OUT" >&2
