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
