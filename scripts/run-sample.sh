#!/usr/bin/env bash
# Builds and runs samples/HelloWorld on embedded defaults (SQLite file, in-process cache): no external server.
# Creates the schema with --job=install, then serves HTTP on :9001 until Ctrl-C.
# Extra arguments go to the service, e.g. ./scripts/run-sample.sh --server.http.port=9101
set -euo pipefail
cd "$(dirname "$0")/../samples/HelloWorld"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release -nologo -clp:ErrorsOnly
app=bin/Release/net10.0/helloworld.dll
dotnet "$app" --job=install
dotnet "$app" --job=initialize
echo "HelloWorld: try  curl 'http://127.0.0.1:9001/hello?name=you'"
exec dotnet "$app" "$@"
