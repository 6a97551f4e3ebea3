#!/usr/bin/env bash
# The balancer experiment: three gRPC servers on 127.0.0.1, one five times slower, a fixed number of concurrent
# callers for 10 s per balancer; prints each server's share of the calls (round_robin vs p2c_ewma) as Markdown.
# Flags pass through: --seconds N, --concurrency N, --fast-ms N, --slow-factor N.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project bench/Ego.Discovery.Bench/Ego.Discovery.Bench.csproj -- "$@"
