#!/usr/bin/env bash
# Replays scenario files through the Navidrome test host and the fake Discord, or runs the scale run
# (docs/scenarios.md). ./scenarios.sh --help lists every mode and flag; a flag it does not know is an error.
set -euo pipefail
cd "$(dirname "$0")"
dotnet run --project tests/ScenarioRunner -c Release -v q -- "$@"
