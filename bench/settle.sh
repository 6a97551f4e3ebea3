# settle_jit LABEL URL BODY COUNT_COMMAND...: drives unary load at URL (h2load posting the gRPC message in BODY) in
# 2 s bursts until COUNT_COMMAND, which prints how many methods the server has compiled, grows by fewer than 10 over a
# burst twice in a row (and at least 5 bursts: tier-up starts late); at most SETTLE_BURSTS (40) bursts. Sourced, not
# run; needs log and LOAD_PIN from the script's own lib.sh.
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
