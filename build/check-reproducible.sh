#!/usr/bin/env bash
# Checks that the build is reproducible (issue 13): clones the current commit into two temporary folders whose paths
# differ in name and length, runs ./build.sh in each, and compares the two discord-rich-presence.ndp byte for byte.
# Different paths are the point: a path of the checkout that leaks into the module (a PDB record, a __FILE__, a
# path in the snapshot's memory) shows up here as a difference even where check-no-paths.sh does not know the form.
# On a difference it names the member of the .ndp and the first differing byte (and, for plugin.wasm, its section),
# and keeps both folders for a closer look. Only committed files are built: commit first.
# Takes two full builds, one after the other (they share 2 cores badly): about 10-14 minutes.
# Usage: build/check-reproducible.sh [<commit>]   (default HEAD)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$root" rev-parse --verify "${1:-HEAD}^{commit}")"
fail() { echo "check-reproducible: $*" >&2; exit 1; }
[ -z "$(git -C "$root" status --porcelain --untracked-files=no)" ] ||
	echo "check-reproducible: note: uncommitted changes in $root are not part of this check (it builds $commit)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/repro.XXXXXX")"
# Two checkouts whose absolute paths differ in both name and length.
a="$tmp/a"
b="$tmp/second-checkout-with-a-longer-name/nested"
keep=0
cleanup() { [ "$keep" = 1 ] && echo "check-reproducible: kept $tmp for inspection" >&2 || rm -rf "$tmp"; }
trap cleanup EXIT

started=$SECONDS
for dir in "$a" "$b"; do
	mkdir -p "$(dirname "$dir")"
	# --no-local: a real copy of the objects, so nothing of the source checkout (its hooks, its bin/obj) is shared.
	git clone -q --no-local --no-checkout "$root" "$dir"
	git -C "$dir" checkout -q --detach "$commit"
	echo "== build in $dir ($(date +%T))"
	( cd "$dir" && ./build.sh >"$tmp/$(basename "$(dirname "$dir")")-$(basename "$dir").log" 2>&1 ) ||
		{ keep=1; fail "./build.sh failed in $dir (log in $tmp)"; }
done

ndp=discord-rich-presence.ndp
if cmp -s "$a/$ndp" "$b/$ndp"; then
	echo "check-reproducible: $ndp of $commit is byte-identical from two checkouts ($(sha256sum <"$a/$ndp" | cut -c1-16)...), $((SECONDS - started)) s"
	exit 0
fi

keep=1
echo "check-reproducible: $ndp differs between $a and $b" >&2
mkdir -p "$tmp/unzip-a" "$tmp/unzip-b"
unzip -q "$a/$ndp" -d "$tmp/unzip-a"; unzip -q "$b/$ndp" -d "$tmp/unzip-b"
members_differ=0
for m in $(cd "$tmp/unzip-a" && ls) $(cd "$tmp/unzip-b" && ls); do
	[ -f "$tmp/unzip-a/$m" ] && [ -f "$tmp/unzip-b/$m" ] || { echo "  member $m is in only one of them" >&2; members_differ=1; continue; }
	first="$(cmp "$tmp/unzip-a/$m" "$tmp/unzip-b/$m" 2>&1 | head -1)" || true
	[ -z "$first" ] && continue
	members_differ=1
	echo "  member $m: $first (sizes $(stat -c %s "$tmp/unzip-a/$m") and $(stat -c %s "$tmp/unzip-b/$m"))" >&2
	if [ "$m" = plugin.wasm ]; then
		# cmp counts bytes from 1; the section whose [start, end) holds the offset says where to look.
		off=$(( $(sed -n 's/.* byte \([0-9]*\),.*/\1/p' <<<"$first") - 1 ))
		wasm-objdump -h "$tmp/unzip-a/$m" | while read -r line; do
			[[ "$line" =~ start=0x([0-9a-f]+)\ end=0x([0-9a-f]+) ]] || continue
			(( off >= 16#${BASH_REMATCH[1]} && off < 16#${BASH_REMATCH[2]} )) && echo "  in section: $line" >&2
		done || true
		echo "  bytes there (a, then b):" >&2
		for side in a b; do
			echo "    $(dd if="$tmp/unzip-$side/$m" bs=1 skip=$(( off > 32 ? off - 32 : 0 )) count=96 status=none | tr -c '[:print:]' '.')" >&2
		done
	fi
done
[ "$members_differ" = 1 ] || echo "  the members are identical: the zip itself differs (timestamps, order, attributes)" >&2
exit 1
