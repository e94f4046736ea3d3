#!/usr/bin/env bash
# Builds discord-rich-presence.ndp at the repository root (see docs/wasm-build.md).
exec "$(dirname "$0")/build/wasm/build.sh" "$@"
