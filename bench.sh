#!/usr/bin/env bash
# Managed benchmarks of the pure core (BenchmarkDotNet). Extra arguments go to BenchmarkDotNet, e.g. --job short.
set -euo pipefail
cd "$(dirname "$0")"
dotnet run -c Release --project tests/Benchmarks -- --filter '*' "$@"
