#!/usr/bin/env bash
# Runs interop_client.js against interop_server.js for every test case (127.0.0.1 only).
# Prints "N passed, M failed" and exits non-zero when any case fails.
set -uo pipefail
cd "$(dirname "$0")"

CASES=(
  empty_unary large_unary client_compressed_unary server_compressed_unary
  client_streaming client_compressed_streaming server_streaming server_compressed_streaming
  ping_pong empty_stream custom_metadata status_code_and_message special_status_message
  unimplemented_method unimplemented_service cancel_after_begin cancel_after_first_response
  timeout_on_sleeping_server
)

if [ ! -d node_modules/@grpc/grpc-js ]; then
  echo "node_modules is missing: run 'npm ci' in $(pwd) first" >&2
  exit 2
fi

server_out=$(mktemp)
server_err=$(mktemp)
node interop_server.js --port=0 >"$server_out" 2>"$server_err" &
server_pid=$!

stop_server() {
  kill -TERM "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  rm -f "$server_out" "$server_err"
}
trap stop_server EXIT

port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on \([0-9][0-9]*\)$/\1/p' "$server_out")
  [ -n "$port" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "interop server exited before listening:" >&2
    cat "$server_err" >&2
    exit 2
  fi
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "interop server did not print 'listening on <port>' within 10 s" >&2
  exit 2
fi

passed=0
failed=0
for test_case in "${CASES[@]}"; do
  if timeout 30 node interop_client.js --server_host=127.0.0.1 --server_port="$port" \
      --test_case="$test_case" --use_tls=false; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done

if [ -s "$server_err" ]; then
  echo "--- interop server stderr ---" >&2
  cat "$server_err" >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
