#!/usr/bin/env bash
# Runs every Ego.NET test on a fresh machine: installs what the tests need (Debian packages, npm
# packages for the gRPC interop peer), builds once, runs `dotnet test`, and stops whatever it started.
# Servers the tests need are started on 127.0.0.1 with temporary data directories.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration=${CONFIGURATION:-Debug}
work=$(mktemp -d -t ego-test-XXXXXX)
pids=()

cleanup() {
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Debian packages the tests use, named by a command each provides; installed only when missing.
declare -A needed=(
  [node]=nodejs
  [npm]=npm
  [promtool]=prometheus
  [etcd]=etcd-server
)
# ... and by a file each installs.
declare -A needed_files=(
  [/usr/share/grpc-proto/grpc/testing/test.proto]=grpc-proto
)
missing=()
for command in "${!needed[@]}"; do
  command -v "$command" >/dev/null 2>&1 || missing+=("${needed[$command]}")
done
for file in "${!needed_files[@]}"; do
  [ -e "$file" ] || missing+=("${needed_files[$file]}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "== apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages: one `npm ci` per folder with a lock file under tests/.
while IFS= read -r lock; do
  folder=$(dirname "$lock")
  echo "== npm ci in ${folder#"$root"/}"
  (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
done < <(find "$root/tests" -name package-lock.json -not -path "*/node_modules/*" | sort)

# A port nothing listens on: connecting to it is refused.
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

# etcd for tests/Ego.Registry.Etcd.Tests: one member on 127.0.0.1 with a temporary data dir.
etcd_client=$(free_port)
etcd_peer=$(free_port)
echo "== etcd on 127.0.0.1:$etcd_client"
etcd --name ego-test --data-dir "$work/etcd" \
  --listen-client-urls "http://127.0.0.1:$etcd_client" --advertise-client-urls "http://127.0.0.1:$etcd_client" \
  --listen-peer-urls "http://127.0.0.1:$etcd_peer" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer" \
  --initial-cluster "ego-test=http://127.0.0.1:$etcd_peer" >"$work/etcd.log" 2>&1 &
pids+=($!)
etcd_healthy=""
for _ in $(seq 1 300); do
  if health=$( (exec 3<>"/dev/tcp/127.0.0.1/$etcd_client" && printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3) 2>/dev/null) \
    && [[ "$health" == *'"health":"true"'* ]]; then
    etcd_healthy=1
    break
  fi
  sleep 0.1
done
if [ -z "$etcd_healthy" ]; then
  echo "etcd did not become healthy within 30s:" >&2
  cat "$work/etcd.log" >&2
  exit 1
fi
export EGO_TEST_ETCD="127.0.0.1:$etcd_client"

echo "== dotnet build ($configuration)"
dotnet build Ego.slnx -c "$configuration" -warnaserror -nologo -clp:ErrorsOnly

echo "== dotnet test"
set +e
dotnet test Ego.slnx -c "$configuration" --no-build --nologo 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line with the totals of every test assembly.
awk '
  /(Passed|Failed)! *- *Failed:/ {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") failed += $(i + 1);
      if ($i == "Passed:") passed += $(i + 1);
      if ($i == "Skipped:") skipped += $(i + 1);
    }
    assemblies++
  }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$work/test.log"
exit "$status"
