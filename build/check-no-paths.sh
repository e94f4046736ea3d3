#!/usr/bin/env bash
# Fails when a built module holds an absolute path of the machine that built it (issue 13): the checkout, the NuGet
# cache or the runtime pack inside it. Such a path makes the .ndp differ between checkouts (so builds are not
# reproducible) and tells every user where the builder kept their files. build/wasm/build.sh runs it on every build,
# so a new leak (a flag dropped, a new __FILE__, a PDB record) is caught at once, not only by check-reproducible.sh.
# Usage: check-no-paths.sh <plugin.wasm> <repository root> [<more paths to look for>...]
set -euo pipefail
wasm="$1"; shift
[ -f "$wasm" ] || { echo "check-no-paths: no such file: $wasm" >&2; exit 1; }
needles=()
for p in "$@" "$HOME/.nuget" ${NUGET_PACKAGES:+"$NUGET_PACKAGES"}; do
	[ -n "$p" ] || continue
	needles+=("${p%/}")
	# A symlinked folder reaches the compiler and MSBuild under either name: look for both.
	[ -e "$p" ] && needles+=("$(cd "$p" && pwd -P)")
done
found=0
for n in $(printf '%s\n' "${needles[@]}" | sort -u); do
	# The bytes as they are: paths sit uncompressed in data segments, the embedded assemblies and the snapshot.
	hits="$(grep -a -b -o -F -- "$n" "$wasm" | head -5 || true)"
	[ -z "$hits" ] && continue
	found=1
	echo "check-no-paths: $wasm holds the build machine path $n at byte offsets:" >&2
	while IFS=: read -r off _; do
		echo "  $off: $(dd if="$wasm" bs=1 skip="$off" count=160 status=none | tr -c '[:print:]' '.')" >&2
	done <<<"$hits"
done
[ "$found" = 0 ] || { echo "check-no-paths: see docs/wasm-build.md (Reproducible builds) for the maps that remove them" >&2; exit 1; }
echo "check-no-paths: no path of the checkout or the NuGet cache in $wasm"
