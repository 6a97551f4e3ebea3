#!/usr/bin/env bash
# Client traffic governance experiments (loopback only), printing ready-to-paste Markdown tables:
#   breaker:  the downstream fails every call (UNAVAILABLE) for 10 s, then recovers; share of calls shed locally while
#             it is down and time until every call succeeds again (target: >= 90 % shed, <= 3 s).
#   overhead: unary calls/s of the Ego client load generator with every client governance interceptor on and idle vs
#             off; same binary, alternating runs; best of ROUNDS each and the median of the paired rounds
#             (target: <= 3 % fewer calls/s).
# Environment: DURATION (s, default 5), WARMUP (s, default 2), ROUNDS (default 5), CONCURRENCY (default 50),
# RATE (breaker calls/s, default 1000), SERVER_CPU / LOAD_CPU (cores to pin to), OUT (result folder).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-2}
ROUNDS=${ROUNDS:-5}
CONCURRENCY=${CONCURRENCY:-50}
RATE=${RATE:-1000}
OUT=${OUT:-$(mktemp -d /tmp/ego-resilience-client.XXXXXX)}
BENCH="$ROOT/bench/Ego.Grpc.Bench/bin/Release/net10.0/Ego.Grpc.Bench"
mkdir -p "$OUT"

source "$ROOT/bench/grpc/lib.sh"
trap stop_servers EXIT

log "building Release"
dotnet build "$ROOT/bench/Ego.Grpc.Bench/Ego.Grpc.Bench.csproj" -c Release -nologo -v q > "$OUT/build.log"
measure_steady_state

log "breaker experiment: $RATE calls/s, down 10 s, up 5 s"
"${LOAD_PIN[@]}" "$BENCH" breaker --rate="$RATE" --down=10s --up=5s > "$OUT/breaker.md"

start_server ours
run_load() {
  local mode=$1 round=$2 log_file="$OUT/client-$1-$2.log"
  "${LOAD_PIN[@]}" "$BENCH" client --target="127.0.0.1:${PORTS[ours]}" --mode=unary --size=16 --concurrency="$CONCURRENCY" \
    --warmup="${WARMUP}s" --duration="${DURATION}s" --resilience="$mode" --settle=true > "$log_file" 2>&1 || log "client $mode had errors: $(tail -n 2 "$log_file")"
  awk '/^calls\/s:/ { c = $2 } /^client cpu us\/call:/ { u = $4 } END { print c, u }' "$log_file"
}

BEST_OFF=0
BEST_ON=0
ROWS=""
RATIOS=""
CPU_RATIOS=""
for round in $(seq 1 "$ROUNDS"); do
  # Alternate which configuration goes first, so a slow phase of the machine does not always hit the same one.
  if (( round % 2 )); then read -r off off_cpu < <(run_load off "$round"); read -r on on_cpu < <(run_load on "$round")
  else read -r on on_cpu < <(run_load on "$round"); read -r off off_cpu < <(run_load off "$round"); fi
  log "round $round: off $off calls/s ($off_cpu us CPU/call), on $on calls/s ($on_cpu us CPU/call)"
  ratio=$(awk -v off="$off" -v on="$on" 'BEGIN { printf "%+.1f", (on - off) * 100 / off }')
  cpu_ratio=$(awk -v off="$off_cpu" -v on="$on_cpu" 'BEGIN { printf "%+.1f", (on - off) * 100 / off }')
  RATIOS+="$ratio"$'\n'
  CPU_RATIOS+="$cpu_ratio"$'\n'
  ROWS+="| $round | $off | $on | $ratio % | $off_cpu | $on_cpu | $cpu_ratio % |"$'\n'
  BEST_OFF=$(best "$BEST_OFF" "$off")
  BEST_ON=$(best "$BEST_ON" "$on")
done
stop_servers

{
  echo "### Client breaker: downstream down 10 s, then recovered"
  echo
  cat "$OUT/breaker.md"
  echo
  echo "### Client governance overhead (unary, 16 B, concurrency $CONCURRENCY, ${DURATION} s runs)"
  echo
  echo "| round | off (calls/s) | on, idle (calls/s) | on vs off | off (client CPU µs/call) | on (client CPU µs/call) | on vs off |"
  echo "|---|---|---|---|---|---|---|"
  printf "%s" "$ROWS"
  awk -v off="$BEST_OFF" -v on="$BEST_ON" 'BEGIN { printf "| best | %.1f | %.1f | %+.1f %% | | | |\n", off, on, (on - off) * 100 / off }'
  # The medians of the paired rounds are the figures least moved by one slow phase of the machine.
  median() { sort -g | awk '{ v[NR] = $1 } END { printf "%+.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  echo "| median of rounds | | | $(printf "%s" "$RATIOS" | median) % | | | $(printf "%s" "$CPU_RATIOS" | median) % |"
} | tee "$OUT/results.md"
echo "raw output: $OUT" >&2
