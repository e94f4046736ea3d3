#!/usr/bin/env bash
# What a call costs in Navidrome's own runtime: runs the shared wazero bench (wazero + the Extism Go SDK, a fresh
# instance per call, as Navidrome does; see ../shared/tools/wazero-bench/README.md) on what ./build.sh left in
# build/wasm/out (plugin.wasm, and plugin.cold.wasm when present), and prints its Markdown report.
# Extra arguments go to the bench: `./wazero-bench.sh -n 40 -conc-n 0 -mem-n 5` is the short form .ci/run uses.
# The bench lives outside this repository: without it this script says so and succeeds. Timings are a report, never
# an assertion; the script fails only when the bench does (a call failed or answered wrongly).
set -euo pipefail
cd "$(dirname "$0")"
bench_dir="${WAZERO_BENCH_DIR:-../shared/tools/wazero-bench}"
if [ ! -x "$bench_dir/wazero-bench" ]; then
	echo "wazero-bench.sh: skipped: $bench_dir/wazero-bench is not on this machine (set WAZERO_BENCH_DIR to use another copy)"
	exit 0
fi
out=build/wasm/out
[ -f "$out/plugin.wasm" ] || { echo "wazero-bench.sh: error: $out/plugin.wasm is missing: run ./build.sh first" >&2; exit 1; }
cold=()
[ -f "$out/plugin.cold.wasm" ] && cold=(-cold "$out/plugin.cold.wasm")
exec "$bench_dir/wazero-bench" -sdk -shipped "$out/plugin.wasm" "${cold[@]}" \
	-trivial "$bench_dir/trivial.wasm" -big-empty "$bench_dir/big-empty.wasm" \
	-cache "${XDG_CACHE_HOME:-$HOME/.cache}/wazero" "$@"
