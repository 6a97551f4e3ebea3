#!/usr/bin/env bash
# What server governance costs when it never refuses: the same spin server with every part on (rate limit rules that
# never reject, shedding on a CPU figure pinned at 0, concurrency cap, server and method timeouts, isolation) against
# the same binary with the interceptor not added, under h2load (unary, 1-byte message), alternating runs once both
# servers' JIT has settled, as bench/grpc/observability.sh. Prints a Markdown table per handler work level
# (bench.spin): the best requests/s of each side and their ratio, and the median of the rounds' own on/off ratios
# (each round runs on, then off, so a host that slows down for a while weighs on both sides of a round).
# Environment: WORKS (default "0 50us"), CONCURRENCY (50), DURATION (s, 5), WARMUP (s, 3), ROUNDS (5), SERVER_CPU / LOAD_CPU, OUT.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
read -r -a WORKS <<< "${WORKS:-0 50us}"
CONCURRENCY=${CONCURRENCY:-50}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-5}
OUT=${OUT:-$(mktemp -d /tmp/ego-governance-overhead.XXXXXX)}
mkdir -p "$OUT"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap stop_server EXIT
build
measure_steady_state

command -v h2load > /dev/null || { apt-get install -y nghttp2-client > "$OUT/apt.log" 2>&1 || { apt-get update > /dev/null && apt-get install -y nghttp2-client > "$OUT/apt.log" 2>&1; }; }
# One gRPC message: uncompressed, length 1, "x".
printf '\x00\x00\x00\x00\x01x' > "$OUT/request.bin"


declare -A CPS
declare -A PAIRED
declare -A PORT=([on]=19211 [off]=19221)
for work in "${WORKS[@]}"; do
  # Both servers run side by side on the server core (the idle one costs nothing) for all rounds of a level.
  SERVER_CONFIG=overhead-on.toml start_server on "${PORT[on]}" --bench.spin="$work" --server.grpc.rateLimitRules="$ROOT/bench/resilience/never-reject.toml"
  start_server off "${PORT[off]}" --bench.spin="$work" --bench.governance=false
  for name in on off; do
    # Real gRPC answers first (h2load only sees HTTP 200): no call refused or failed.
    "${LOAD_PIN[@]}" "$BENCH" load --target="127.0.0.1:${PORT[$name]}" --concurrency=4 --warmup=0s --duration=1s --deadline=30s > "$OUT/smoke-$name-$work.log"
    [ "$(field "$OUT/smoke-$name-$work.log" refused)" = 0 ] && [ "$(field "$OUT/smoke-$name-$work.log" failed)" = 0 ] \
      || log "$name $work: calls refused or failed: $(cat "$OUT/smoke-$name-$work.log")"
    settle_jit "server $name" "http://127.0.0.1:${PORT[$name]}/bench.Spin/Work" "$OUT/request.bin" printed_jit_count "$name"
  done
  for round in $(seq 1 "$ROUNDS"); do
    for name in on off; do
      log_file="$OUT/h2load-$name-$work-$round.log"
      "${LOAD_PIN[@]}" h2load -c $((CONCURRENCY / 50 > 0 ? CONCURRENCY / 50 : 1)) -m 50 -D "$DURATION" --warm-up-time="$WARMUP" \
        -d "$OUT/request.bin" -H 'content-type: application/grpc' -H 'te: trailers' "http://127.0.0.1:${PORT[$name]}/bench.Spin/Work" > "$log_file" 2>&1
      grep -q ' 0 failed, 0 errored' "$log_file" || log "h2load $name $work had failures: $(grep '^requests:' "$log_file")"
      rps=$(awk '/^finished in/ { print $4 }' "$log_file")
      CPS[$name,$work]=$(best "${CPS[$name,$work]:-0}" "$rps")
      log "round $round $name work $work: $rps req/s"
      [ $name = on ] && on_rps=$rps
    done
    PAIRED[$work]+="$(ratio "$on_rps" "$rps") "
  done
  stop_server
done

{
  echo "Governance overhead: h2load unary requests/s, best of $ROUNDS alternating rounds, $CONCURRENCY streams, server on one core"
  echo
  echo "| handler work | governance on | off | on / off (best) | on / off (median of rounds) | rounds |"
  echo "|---|---:|---:|---:|---:|---|"
  for work in "${WORKS[@]}"; do
    median=$(tr ' ' '\n' <<< "${PAIRED[$work]}" | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : sprintf("%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
    printf '| %s | %.0f | %.0f | %s | %s | %s |\n' "$work" "${CPS[on,$work]}" "${CPS[off,$work]}" "$(ratio "${CPS[on,$work]}" "${CPS[off,$work]}")" "$median" "${PAIRED[$work]% }"
  done
  echo
  echo "Target: on / off >= 0.97."
} | tee "$OUT/results.md"
echo "raw output: $OUT" >&2
