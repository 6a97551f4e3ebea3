#!/usr/bin/env bash
# What server governance costs when it never refuses: the same spin server with every part on (rate limit rules that
# never reject, shedding on a CPU figure pinned at 0, concurrency cap, server and method timeouts, isolation) against
# the same binary with the interceptor not added, under h2load (unary, 1-byte message), once every server's JIT has
# settled, as bench/grpc/observability.sh. Prints a Markdown table per handler work level (bench.spin).
#
# MODE=shared (the default where a CPU cgroup can be made): the servers share the server core at equal CPU weight,
# each in its own cgroup, and are driven at the same time, so whatever the host does during a round it does to both
# sides; the ratio of their requests/s is the inverse ratio of their CPU cost per call. A second server with
# governance off runs the same way against the first as a control: identical servers should read 1.00, and what it
# reads bounds the method's own error. Each round runs both pairs, and the pair that starts its load first alternates.
# MODE=alternate: one server at a time on the whole core, on then off in each round; the host's speed drifts between
# the two halves of a round (single rounds range over ±15% on a shared host).
#
# Environment: MODE, ON_CONFIG (the governed server's config file, default bench/resilience/overhead-on.toml; another
# file measures a subset of governance), WORKS (default "0 50us"), CONCURRENCY (50), DURATION (s, 5), WARMUP (s, 3), ROUNDS (5),
# SERVER_CPU / LOAD_CPU, OUT.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
read -r -a WORKS <<< "${WORKS:-0 50us}"
CONCURRENCY=${CONCURRENCY:-50}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-5}
OUT=${OUT:-$(mktemp -d /tmp/ego-governance-overhead.XXXXXX)}
ON_CONFIG=$(realpath "${ON_CONFIG:-$ROOT/bench/resilience/overhead-on.toml}")
mkdir -p "$OUT"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A CPU cgroup per server at equal weight: cgroup v2 (cpu.weight) or v1 (cpu.shares), whichever can be written.
CGROUP_ROOT=
if [ -w /sys/fs/cgroup/cgroup.subtree_control ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers 2> /dev/null; then
  CGROUP_ROOT=/sys/fs/cgroup
elif [ -w /sys/fs/cgroup/cpu ]; then
  CGROUP_ROOT=/sys/fs/cgroup/cpu
fi
MODE=${MODE:-$([ -n "$CGROUP_ROOT" ] && echo shared || echo alternate)}
[ "$MODE" = alternate ] || [ -n "$CGROUP_ROOT" ] || { log "MODE=shared needs a writable CPU cgroup (v2 or v1 cpu)"; exit 1; }

remove_cgroups() { for group in "$CGROUP_ROOT"/ego-overhead-*; do [ -d "$group" ] && rmdir "$group" 2> /dev/null; done; return 0; }
trap 'stop_server; [ -z "$CGROUP_ROOT" ] || remove_cgroups' EXIT
build
measure_steady_state

command -v h2load > /dev/null || { apt-get install -y nghttp2-client > "$OUT/apt.log" 2>&1 || { apt-get update > /dev/null && apt-get install -y nghttp2-client > "$OUT/apt.log" 2>&1; }; }
# One gRPC message: uncompressed, length 1, "x".
printf '\x00\x00\x00\x00\x01x' > "$OUT/request.bin"

# confine NAME: moves the server into its own CPU cgroup, at the default weight.
confine() {
  local group="$CGROUP_ROOT/ego-overhead-$1"
  mkdir -p "$group"
  if [ "$CGROUP_ROOT" = /sys/fs/cgroup ]; then
    grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control || echo +cpu > /sys/fs/cgroup/cgroup.subtree_control
    echo 100 > "$group/cpu.weight"
  else
    echo 1024 > "$group/cpu.shares"
  fi
  echo "${PIDS[$1]}" > "$group/cgroup.procs"
}

# load NAME TAG: h2load against that server; prints its requests/s.
load() {
  local log_file="$OUT/h2load-$1-$2.log"
  "${LOAD_PIN[@]}" h2load -c $((CONCURRENCY / 50 > 0 ? CONCURRENCY / 50 : 1)) -m 50 -D "$DURATION" --warm-up-time="$WARMUP" \
    -d "$OUT/request.bin" -H 'content-type: application/grpc' -H 'te: trailers' "http://127.0.0.1:${PORT[$1]}/bench.Spin/Work" > "$log_file" 2>&1
  grep -q ' 0 failed, 0 errored' "$log_file" || log "h2load $1 $2 had failures: $(grep '^requests:' "$log_file")"
  awk '/^finished in/ { print $4 }' "$log_file"
}

# together FIRST SECOND TAG: both loads at once, FIRST started first; sets A and B to their requests/s.
together() {
  load "$1" "$3" > "$OUT/rps-a" & local first=$!
  load "$2" "$3" > "$OUT/rps-b" & local second=$!
  wait "$first" "$second"
  A=$(cat "$OUT/rps-a")
  B=$(cat "$OUT/rps-b")
}

median() { tr ' ' '\n' <<< "$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : sprintf("%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

declare -A CPS PAIRED CONTROL
declare -A PORT=([on]=19211 [off]=19221 [control]=19231)
NAMES=(on off)
[ "$MODE" = shared ] && NAMES+=(control)
for work in "${WORKS[@]}"; do
  # The servers of a level run side by side on the server core for all its rounds (an idle one costs nothing).
  SERVER_CONFIG=$ON_CONFIG start_server on "${PORT[on]}" --bench.spin="$work" --server.grpc.rateLimitRules="$ROOT/bench/resilience/never-reject.toml"
  start_server off "${PORT[off]}" --bench.spin="$work" --bench.governance=false
  [ "$MODE" = shared ] && start_server control "${PORT[control]}" --bench.spin="$work" --bench.governance=false
  for name in "${NAMES[@]}"; do
    # Real gRPC answers first (h2load only sees HTTP 200): no call refused or failed.
    "${LOAD_PIN[@]}" "$BENCH" load --target="127.0.0.1:${PORT[$name]}" --concurrency=4 --warmup=0s --duration=1s --deadline=30s > "$OUT/smoke-$name-$work.log"
    [ "$(field "$OUT/smoke-$name-$work.log" refused)" = 0 ] && [ "$(field "$OUT/smoke-$name-$work.log" failed)" = 0 ] \
      || log "$name $work: calls refused or failed: $(cat "$OUT/smoke-$name-$work.log")"
    settle_jit "server $name" "http://127.0.0.1:${PORT[$name]}/bench.Spin/Work" "$OUT/request.bin" printed_jit_count "$name"
    [ "$MODE" = shared ] && confine "$name"
  done
  for round in $(seq 1 "$ROUNDS"); do
    if [ "$MODE" = shared ]; then
      if [ $((round % 2)) = 1 ]; then together on off "$work-$round"; on=$A off=$B; else together off on "$work-$round"; off=$A on=$B; fi
      if [ $((round % 2)) = 1 ]; then together off control "$work-c$round"; base=$A control=$B; else together control off "$work-c$round"; control=$A base=$B; fi
      CONTROL[$work]+="$(ratio "$control" "$base") "
      log "round $round work $work: on $on, off $off req/s; control $control, off $base req/s"
    else
      on=$(load on "$work-$round")
      off=$(load off "$work-$round")
      log "round $round work $work: on $on, off $off req/s"
    fi
    CPS[on,$work]=$(best "${CPS[on,$work]:-0}" "$on")
    CPS[off,$work]=$(best "${CPS[off,$work]:-0}" "$off")
    PAIRED[$work]+="$(ratio "$on" "$off") "
  done
  stop_server
  [ -z "$CGROUP_ROOT" ] || remove_cgroups
done

{
  if [ "$MODE" = shared ]; then
    echo "Governance overhead: h2load unary requests/s, on and off driven at the same time on one core shared at equal CPU weight, $ROUNDS rounds, $CONCURRENCY streams each"
    echo
    echo "| handler work | on / off (median of rounds) | control / off (median) | on, best | off, best | on / off, rounds | control / off, rounds |"
    echo "|---|---:|---:|---:|---:|---|---|"
    for work in "${WORKS[@]}"; do
      printf '| %s | %s | %s | %.0f | %.0f | %s | %s |\n' "$work" "$(median "${PAIRED[$work]}")" "$(median "${CONTROL[$work]}")" \
        "${CPS[on,$work]}" "${CPS[off,$work]}" "${PAIRED[$work]% }" "${CONTROL[$work]% }"
    done
  else
    echo "Governance overhead: h2load unary requests/s, best of $ROUNDS alternating rounds, $CONCURRENCY streams, server on one core"
    echo
    echo "| handler work | governance on | off | on / off (best) | on / off (median of rounds) | rounds |"
    echo "|---|---:|---:|---:|---:|---|"
    for work in "${WORKS[@]}"; do
      printf '| %s | %.0f | %.0f | %s | %s | %s |\n' "$work" "${CPS[on,$work]}" "${CPS[off,$work]}" "$(ratio "${CPS[on,$work]}" "${CPS[off,$work]}")" \
        "$(median "${PAIRED[$work]}")" "${PAIRED[$work]% }"
    done
  fi
  echo
  echo "Target: on / off >= 0.97."
} | tee "$OUT/results.md"
echo "raw output: $OUT" >&2
