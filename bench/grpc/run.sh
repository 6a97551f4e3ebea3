#!/usr/bin/env bash
# gRPC load benchmarks (loopback only): the Ego.Grpc server, a bare Kestrel h2c endpoint writing the same bytes and a
# grpc-js server under h2load; then the Ego.Grpc client against the grpc-js client on the same servers.
# The .NET servers are measured once their JIT has settled (settle_jit in bench/common.sh), the Ego client with --settle=true.
# Prints Markdown tables with ratios. Environment: DURATION (s, default 3), WARMUP (s, default 2), ROUNDS (default 3),
# SERVER_CPU / LOAD_CPU (cores to pin to, default 0 / 1 when there are two or more), OUT (result folder).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${DURATION:-3}
WARMUP=${WARMUP:-2}
ROUNDS=${ROUNDS:-3}
OUT=${OUT:-$(mktemp -d /tmp/ego-grpc-bench.XXXXXX)}
BENCH="$ROOT/bench/Ego.Grpc.Bench/bin/Release/net10.0/Ego.Grpc.Bench"
KESTREL="$ROOT/bench/Ego.Grpc.Bench.Kestrel/bin/Release/net10.0/Ego.Grpc.Bench.Kestrel"
NODE_DIR="$ROOT/bench/grpc-js"
mkdir -p "$OUT"

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap stop_servers EXIT

ensure_tools
build_all
make_bodies
measure_steady_state


SERVERS=(ours kestrel grpcjs)
SCENARIOS=(unary-16 unary-1024 stream-100x1024)
CONCURRENCIES=(50 200)
CLIENTS=(ours grpcjs)

# All servers run side by side (idle ones cost nothing) so every scenario measures them back to back, round after
# round, and slow phases of the shared machine hit all of them alike.
for server in "${SERVERS[@]}"; do
  start_server "$server"
  smoke_check "$server"
done
# The two .NET servers are measured once their JIT has settled (grpc-js's V8 warms up within the rounds' warm-up).
for server in ours kestrel; do
  settle_jit "server $server" "http://127.0.0.1:${PORTS[$server]}/ego.bench.v1.Echo/Unary" "$OUT/unary-16.bin" printed_jit_count "$server"
done

declare -A RPS
declare -A CPS
for round in $(seq 1 "$ROUNDS"); do
  for scenario in "${SCENARIOS[@]}"; do
    for concurrency in "${CONCURRENCIES[@]}"; do
      for server in "${SERVERS[@]}"; do
        RPS[$server,$scenario,$concurrency]=$(best "${RPS[$server,$scenario,$concurrency]:-0}" "$(run_h2load "$scenario" "$concurrency" "$server" "$round")")
      done
    done
  done
  for server in ours grpcjs; do
    for size in 16 1024; do
      for concurrency in "${CONCURRENCIES[@]}"; do
        for client in "${CLIENTS[@]}"; do
          CPS[$server,$client,$size,$concurrency]=$(best "${CPS[$server,$client,$size,$concurrency]:-0}" "$(run_client "$client" "$size" "$concurrency" "$server" "$round")")
        done
      done
    done
  done
done
stop_servers

print_tables | tee "$OUT/results.md"
echo "raw output: $OUT" >&2
