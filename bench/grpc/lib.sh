# Functions of run.sh; sourced, not run.

source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"

ensure_tools() {
  if ! command -v h2load > /dev/null; then
    log "installing h2load (nghttp2-client)"
    apt-get install -y nghttp2-client > "$OUT/apt.log" 2>&1 || { apt-get update > /dev/null && apt-get install -y nghttp2-client > "$OUT/apt.log" 2>&1; }
  fi
  if [ ! -d "$NODE_DIR/node_modules/@grpc/grpc-js" ]; then
    log "npm ci in $NODE_DIR"
    (cd "$NODE_DIR" && npm ci --no-audit --no-fund > "$OUT/npm.log" 2>&1)
  fi
}

build_all() {
  log "building Release"
  { dotnet build "$ROOT/bench/Ego.Grpc.Bench/Ego.Grpc.Bench.csproj" -c Release -nologo -v q > "$OUT/build.log" \
    && dotnet build "$ROOT/bench/Ego.Grpc.Bench.Kestrel/Ego.Grpc.Bench.Kestrel.csproj" -c Release -nologo -v q >> "$OUT/build.log"; } \
    || { log "build failed: $(grep -m 5 ' error ' "$OUT/build.log")"; exit 1; }
}

# Request bodies h2load posts: one length-prefixed message each.
make_bodies() {
  "$BENCH" body --out="$OUT/unary-16.bin" --size=16
  "$BENCH" body --out="$OUT/unary-1024.bin" --size=1024
  "$BENCH" body --out="$OUT/stream-100x1024.bin" --count=100 --stream-size=1024
}

declare -A PORTS
declare -A PIDS

start_server() {
  local name=$1 log_file="$OUT/server-$1.log" port=""
  case $name in
    ours) "${SERVER_PIN[@]}" "$BENCH" server --port=0 > "$log_file" 2>&1 & ;;
    kestrel) "${SERVER_PIN[@]}" "$KESTREL" --port=0 > "$log_file" 2>&1 & ;;
    grpcjs) "${SERVER_PIN[@]}" node "$NODE_DIR/server.js" --port=0 > "$log_file" 2>&1 & ;;
  esac
  PIDS[$name]=$!
  for _ in $(seq 1 100); do
    port=$(sed -n 's/^listening on //p' "$log_file")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { log "server $name did not start: $(cat "$log_file")"; exit 1; }
  PORTS[$name]=$port
  log "server $name on 127.0.0.1:$port"
}

stop_servers() {
  local name
  for name in "${!PIDS[@]}"; do
    kill -TERM "${PIDS[$name]}" 2> /dev/null || true
    wait "${PIDS[$name]}" 2> /dev/null || true
    unset "PIDS[$name]"
  done
}

# Keeps the larger of the value already recorded and a new one: the best of several rounds is the figure least
# disturbed by other work on a shared machine.
best() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { print (b > a ? b : a) }'; }

# h2load only sees HTTP status 200, so first make sure every server answers real gRPC (grpc-status 0, full stream),
# which also warms up the JIT.
smoke_check() {
  local PORT=${PORTS[$1]}
  "$BENCH" client --target="127.0.0.1:$PORT" --mode=unary --concurrency=4 --warmup=0s --duration=2s > "$OUT/smoke-$1.log"
  "$BENCH" client --target="127.0.0.1:$PORT" --mode=stream --size=1024 --count=100 --concurrency=4 --warmup=0s --duration=1s >> "$OUT/smoke-$1.log"
}

# 50 streams: one connection with 50 streams; 200 streams: four connections with 50 streams each.
run_h2load() {
  local scenario=$1 concurrency=$2 server=$3 round=$4 path=Unary PORT=${PORTS[$3]}
  [[ $scenario == stream-* ]] && path=Stream
  local log_file="$OUT/h2load-$server-$scenario-$concurrency-$round.log"
  "${LOAD_PIN[@]}" h2load -c $((concurrency / 50)) -m 50 -D "$DURATION" --warm-up-time="$WARMUP" \
    -d "$OUT/$scenario.bin" -H 'content-type: application/grpc' -H 'te: trailers' \
    "http://127.0.0.1:$PORT/ego.bench.v1.Echo/$path" > "$log_file" 2>&1
  if ! grep -q ' 0 failed, 0 errored' "$log_file"; then
    log "h2load $server $scenario $concurrency had failures: $(grep '^requests:' "$log_file")"
  fi
  local rps
  rps=$(awk '/^finished in/ { print $4 }' "$log_file")
  log "round $round h2load $server $scenario c=$concurrency: $rps req/s"
  echo "$rps"
}

run_client() {
  local client=$1 size=$2 concurrency=$3 server=$4 round=$5 PORT=${PORTS[$4]}
  local log_file="$OUT/client-$client-$server-$size-$concurrency-$round.log"
  local flags=(--target="127.0.0.1:$PORT" --mode=unary --size="$size" --concurrency="$concurrency"
    --connections=$((concurrency / 50)) --warmup="${WARMUP}s" --duration="${DURATION}s")
  case $client in
    ours) "${LOAD_PIN[@]}" "$BENCH" client "${flags[@]}" --settle=true > "$log_file" 2>&1 || true ;;
    grpcjs) "${LOAD_PIN[@]}" node "$NODE_DIR/client.js" "${flags[@]}" > "$log_file" 2>&1 || true ;;
  esac
  grep -q '^errors: 0$' "$log_file" || log "client $client on $server had errors: $(tail -n 3 "$log_file")"
  local cps
  cps=$(awk '/^calls\/s:/ { print $2 }' "$log_file")
  log "round $round client $client -> $server size=$size c=$concurrency: $cps calls/s"
  echo "$cps"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

print_tables() {
  echo "Server side: h2load requests/s, best of $ROUNDS rounds (stream: calls of 100 x 1 KiB messages per second)"
  echo
  echo "| scenario | streams | Ego.Grpc | bare Kestrel | grpc-js | Ego / Kestrel | Ego / grpc-js |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for scenario in "${SCENARIOS[@]}"; do
    for concurrency in "${CONCURRENCIES[@]}"; do
      local ours=${RPS[ours,$scenario,$concurrency]} kestrel=${RPS[kestrel,$scenario,$concurrency]} js=${RPS[grpcjs,$scenario,$concurrency]}
      printf '| %s | %s | %.0f | %.0f | %.0f | %s | %s |\n' "$scenario" "$concurrency" "$ours" "$kestrel" "$js" \
        "$(ratio "$ours" "$kestrel")" "$(ratio "$ours" "$js")"
    done
  done
  echo
  echo "Client side: unary calls/s of each client against the same server, best of $ROUNDS rounds"
  echo
  echo "| server | message | streams | Ego.Grpc client | grpc-js client | Ego / grpc-js |"
  echo "|---|---:|---:|---:|---:|---:|"
  for server in ours grpcjs; do
    for size in 16 1024; do
      for concurrency in "${CONCURRENCIES[@]}"; do
        local ours=${CPS[$server,ours,$size,$concurrency]} js=${CPS[$server,grpcjs,$size,$concurrency]}
        printf '| %s | %s B | %s | %.0f | %.0f | %s |\n' "$server" "$size" "$concurrency" "$ours" "$js" "$(ratio "$ours" "$js")"
      done
    done
  done
}
