#!/usr/bin/env bash
# Runs every test: unit, property, scenario and, when plugin.wasm is built and up to date, the wasm artifact tests.
# This is the README's test command. It says loudly when the wasm tests are skipped, and refuses a module older
# than the sources it was built from, because tests of an old module would report on code that is gone.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
	cat <<-'USAGE'
	usage: ./test.sh [--build] [--check-module] [dotnet test arguments...]
	  --build         run ./build.sh first, so the wasm tests run against a module of these sources
	  --check-module  only say whether the wasm tests would run (exit 0), be skipped (exit 0) or be refused (exit 2)
	  --help          this text
	Other arguments go to `dotnet test DiscordPresence.sln -c Release` (e.g. --filter Name~Gateway).
	$PLUGIN_WASM names another module to test; it is used as given, without the freshness check.
	USAGE
}

build=false
check_only=false
passed=()
for arg in "$@"; do
	case "$arg" in
	--build) build=true ;;
	--check-module) check_only=true ;;
	--help | -h) usage; exit 0 ;;
	*) passed+=("$arg") ;;
	esac
done

module=build/wasm/out/plugin.wasm
skip_banner=""

banner() {
	{
		echo "================================================================================"
		echo "  WASM TESTS SKIPPED: $1"
		echo "  The artifact tests and the scenarios on plugin.wasm do not run; only the managed"
		echo "  plugin is tested. Run ./build.sh (or ./test.sh --build) to test the module too."
		echo "================================================================================"
	} >&2
}

# The first source file (under src/, build/wasm, build/snapshot; build outputs left out) changed after the module.
newer_source() {
	find src build/wasm build/snapshot \
		\( -name bin -o -name obj -o -name node_modules -o -path build/wasm/out \) -prune \
		-o -type f -newer "$module" -print 2>/dev/null | head -n 1
}

if $build && ! $check_only; then
	./build.sh
fi

if [ -n "${PLUGIN_WASM:-}" ]; then
	if [ -f "$PLUGIN_WASM" ]; then
		echo "test.sh: wasm tests run against \$PLUGIN_WASM=$PLUGIN_WASM, as given (not checked against the sources)" >&2
	else
		skip_banner="\$PLUGIN_WASM=$PLUGIN_WASM names no file"
	fi
elif [ ! -f "$module" ]; then
	skip_banner="$module is not built"
else
	stale=$(newer_source)
	if [ -n "$stale" ]; then
		echo "test.sh: error: $module is older than its sources ($stale changed after it was built)." >&2
		echo "test.sh: run ./build.sh, or ./test.sh --build, then test again." >&2
		exit 2
	fi
	echo "test.sh: wasm tests run against $module (built after every source change)" >&2
fi

[ -n "$skip_banner" ] && banner "$skip_banner"
$check_only && exit 0

status=0
dotnet test DiscordPresence.sln -c Release --nologo ${passed[@]+"${passed[@]}"} || status=$?
[ -n "$skip_banner" ] && banner "$skip_banner"
exit "$status"
