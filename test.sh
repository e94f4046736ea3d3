#!/usr/bin/env bash
# Runs every test of the managed plugin: unit, property and end-to-end. This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test DiscordPresence.sln -c Release --nologo "$@"
