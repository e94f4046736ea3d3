#!/usr/bin/env bash
# Replays scenario files through the Navidrome test host and the fake Discord (docs/scenarios.md).
# Usage: ./scenarios.sh [--quiet] [file.scenario | folder]...   (default: tests/scenarios)
set -euo pipefail
cd "$(dirname "$0")"
dotnet run --project tests/ScenarioRunner -c Release --nologo -v q -- "$@"
