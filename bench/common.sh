# What every benchmark script shares: logging, core pinning, and waiting for the JIT's steady state. Sourced by
# grpc/lib.sh and resilience/lib.sh, not run.

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# Pins the server and the load generator to different cores so they do not steal each other's time. A command
# prefix rather than a function, so a server started in the background is the process whose PID $! reports.
SERVER_PIN=()
LOAD_PIN=()
if command -v taskset > /dev/null && [ "$(nproc)" -ge 2 ]; then
  SERVER_PIN=(taskset -c "${SERVER_CPU:-0}")
  LOAD_PIN=(taskset -c "${LOAD_CPU:-1}")
fi

# Called after the build: tier-up then starts at once instead of after 100 ms without new methods being compiled,
# which a process whose core is busy with load may not see for a long time. Measurements compare steady states, not
# warm-ups.
measure_steady_state() { export DOTNET_TC_CallCountingDelayMs=0; }

# printed_jit_count NAME: the last "jit: N" a bench server printed to $OUT/server-NAME.log (it prints one a second),
# read after its next line.
printed_jit_count() {
  sleep 1.1
  sed -n 's/^jit: //p' "$OUT/server-$1.log" | tail -n 1
}

# settle_jit LABEL URL BODY COUNT_COMMAND...: drives unary load at URL (h2load posting the gRPC message in BODY) in
# 2 s bursts until COUNT_COMMAND, which prints how many methods the server has compiled, grows by fewer than 10 over a
# burst twice in a row (and at least 5 bursts: tier-up starts late); at most SETTLE_BURSTS (40) bursts.
#
# Why: tiered compilation keeps recompiling for tens of seconds under load on one core (the compiler thread shares
# it with the server), and of two servers compared the one with more code on its call path has more to recompile.
# Measured before that ends, a comparison charges the feature with its own warm-up.
settle_jit() {
  local label=$1 url=$2 body=$3 before after quiet=0 bursts=0
  shift 3
  before=$("$@")
  while [ "$bursts" -lt "${SETTLE_BURSTS:-40}" ] && { [ "$quiet" -lt 2 ] || [ "$bursts" -lt 5 ]; }; do
    "${LOAD_PIN[@]}" h2load -c 1 -m 50 -D 2 -d "$body" -H 'content-type: application/grpc' -H 'te: trailers' "$url" > /dev/null 2>&1
    after=$("$@")
    if [ $((after - before)) -lt 10 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    before=$after
    bursts=$((bursts + 1))
  done
  log "$label settled after $bursts bursts of 2 s: $after methods compiled"
}
