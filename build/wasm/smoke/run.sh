#!/usr/bin/env bash
# Runs the Extism JS SDK smoke test against discord-rich-presence.ndp (build it first with ./build.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ -f "${PLUGIN_NDP:-$here/../../../discord-rich-presence.ndp}" ] || { echo "smoke: no discord-rich-presence.ndp: run ./build.sh first" >&2; exit 1; }
( cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null ) || { echo "smoke: npm ci of @extism/extism failed" >&2; exit 1; }
node --test "$here/"
