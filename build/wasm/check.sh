#!/usr/bin/env bash
# Checks a built plugin.wasm: wasm 2.0 core only (wabt's wasm-validate with its defaults: no exception handling,
# tail calls or threads), its imports/exports against manifest.json and ExportNames.cs, and - given the runtime
# pack - that the pack still reads a 64-bit interp argument from its first 32-bit slot, as the generated
# trampolines assume. Usage: check.sh <plugin.wasm> <manifest.json> [<runtime pack native dir>]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
wasm="$1"; manifest="$2"; native="${3:-}"

wasm-validate "$wasm" || { echo "check: wasm-validate (wasm 2.0 defaults) rejects $wasm" >&2; exit 1; }
node "$here/check.mjs" "$wasm" "$manifest" "$root/src/Exports/ExportNames.cs" "$root/src/Exports/Host/HostFunctionNames.cs"

if [ -n "$native" ]; then
	tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
	( cd "$tmp" && llvm-ar-19 x "$native/libmonosgen-2.0.a" aot-runtime-wasm.c.o )
	# get_larg(margs, i): load iargs (offset 4), add i << 2, i64.load: 8 bytes from slot i.
	wasm-objdump -d "$tmp/aot-runtime-wasm.c.o" >"$tmp/aot-runtime-wasm.dis" # a file: awk's early exit must not SIGPIPE a pipeline
	body="$(awk '/<mono_wasm_interp_method_args_get_larg>:/{on=1;next} on&&/ func\[/{exit} on' "$tmp/aot-runtime-wasm.dis" |
		sed 's/.*| //' | tr '\n' ';')"
	expected="local.get 0;i32.load 2 4;local.get 1;i32.const 2;i32.shl;i32.add;i64.load 2 0;end;"
	[ "$body" = "$expected" ] || { echo "check: mono_wasm_interp_method_args_get_larg changed in the pack: $body" >&2; exit 1; }
	echo "check: the pack reads 64-bit interp arguments from their first slot, as the trampolines assume"
fi
echo "check: $wasm is valid wasm 2.0"
