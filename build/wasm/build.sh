#!/usr/bin/env bash
# Builds discord-rich-presence.ndp (manifest.json + plugin.wasm) at the repository root from the C# sources.
# Route (docs/wasm-build.md): publish the trimmed managed assemblies with the WebAssembly SDK, generate the C glue
# from them, compile the driver and shims with clang-19 for wasm32-wasi, link against the Mono static libraries of
# the browser-wasm runtime pack and Debian's wasi-libc, optimise with binaryen, check, and zip.
# Installs what it needs (apt packages, npm binaryen from the lock file, NuGet restores); no prompts.
# Environment: WASM_OPT=0 skips wasm-opt (faster, larger module).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
expected_pack_version="10.0.12" # the runtime pack the shims and ABI notes were checked against
apt_packages=(clang-19 lld-19 llvm-19 libclang-rt-19-dev-wasm32 wasi-libc wabt zip nodejs npm)

fail() { echo "build.sh: error: $*" >&2; exit 1; }
step() { echo "== $* ($(date +%T))"; }
started=$SECONDS

# ---- 1. tools --------------------------------------------------------------------------------------------------
have_tools() {
	command -v clang-19 >/dev/null && command -v wasm-ld-19 >/dev/null && command -v llvm-nm-19 >/dev/null &&
	command -v wasm-validate >/dev/null && command -v wasm-objdump >/dev/null && command -v zip >/dev/null &&
	command -v node >/dev/null && command -v npm >/dev/null &&
	[ -f /usr/lib/wasm32-wasi/libc.a ] && [ -f /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a ]
}
step "tools"
if ! have_tools; then
	command -v apt-get >/dev/null || fail "missing build tools and no apt-get: install ${apt_packages[*]} (Debian 12 names)"
	sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null || fail "missing build tools; run as root or install sudo, or: apt-get install ${apt_packages[*]}"
		sudo="sudo -n"
	fi
	missing=()
	for p in "${apt_packages[@]}"; do
		# nodejs/npm only when node or npm is absent (another node install is fine)
		if [ "$p" = nodejs ] && command -v node >/dev/null; then continue; fi
		if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
		dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
	done
	echo "installing: ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive $sudo apt-get update -q >/dev/null || fail "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null ||
		fail "apt-get install ${missing[*]} failed"
	have_tools || fail "tools still missing after apt-get install (need clang-19, wasm-ld-19, llvm-nm-19, wabt, zip, node, npm, wasi-libc, libclang-rt-19-dev-wasm32)"
fi
command -v dotnet >/dev/null || fail "the .NET 10 SDK (dotnet) is not on PATH"

step "npm ci (binaryen)"
if [ "${WASM_OPT:-1}" != 0 ]; then
	( cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null ) || fail "npm ci in build/wasm failed (binaryen from package-lock.json)"
	wasm_opt="$here/node_modules/binaryen/bin/wasm-opt"
	[ -x "$wasm_opt" ] || fail "binaryen's wasm-opt not found at $wasm_opt"
fi

# ---- 2. managed publish ----------------------------------------------------------------------------------------
step "dotnet publish (trimmed assemblies)"
# Stale copies in bin/obj have been picked up before (a mismatched CoreLib): always start clean.
rm -rf "$here/App/bin" "$here/App/obj" "$out"
mkdir -p "$out/obj"
# PathMap (passed on to the referenced src projects): the compiler hashes each assembly, PDB path included, into its
# MVID and PE timestamp, which the trimmer keeps even though it drops the debug records; unmapped, a checkout in
# another folder gives other bytes.
# Warnings stay in publish.log (the trimmer's IL2104 for LanguageExt is expected, see App.csproj); the count is said here.
dotnet publish "$here/App/App.csproj" -c Release -p:PathMap="$root=/src" --nologo -v quiet -clp:NoSummary >"$out/publish.log" 2>&1 ||
	{ cat "$out/publish.log" >&2; fail "dotnet publish of build/wasm/App failed"; }
warnings="$(grep -c ': warning ' "$out/publish.log" || true)"
[ "$warnings" = 0 ] || echo "   $warnings publish warning(s), listed in build/wasm/out/publish.log ($(grep -o ': warning [A-Z]*[0-9]*' "$out/publish.log" | sort | uniq -c | awk '{printf "%s%s x%s", sep, $4, $1; sep=", "}'))"
framework="$here/App/bin/Release/net10.0/publish/wwwroot/_framework"
[ -f "$framework/System.Private.CoreLib.dll" ] || fail "publish produced no System.Private.CoreLib.dll in $framework"

pack="$(dotnet msbuild "$here/App/App.csproj" -p:Configuration=Release -t:ResolveFrameworkReferences \
	-getItem:ResolvedRuntimePack 2>/dev/null | sed -n 's/.*"PackageDirectory": "\(.*\)".*/\1/p' | head -1)"
[ -n "$pack" ] && [ -d "$pack" ] || fail "could not resolve the Mono browser-wasm runtime pack (NuGet restore failed?)"
pack_version="$(basename "$pack")"
[ "$pack_version" = "$expected_pack_version" ] ||
	fail "runtime pack is $pack_version, but the shims were checked against $expected_pack_version (see docs/wasm-build.md before changing it)"
native="$pack/runtimes/browser-wasm/native"

# ---- 3. generated C ----------------------------------------------------------------------------------------------
step "generate (pinvoke table, trampolines, exports, assemblies)"
llvm-nm-19 --defined-only -j "$native/libSystem.Native.a" 2>/dev/null | grep '^SystemNative_' | sort -u >"$out/system-native-symbols.txt"
# The interp-to-native signatures the pack's own runtime was built with (its JS-interop ones are left out).
grep -o 'wasm_invoke_[a-z]*' "$native/dotnet.native.js.symbols" | sed 's/^wasm_invoke_//' | grep -v '^js' |
	tr 'a-z' 'A-Z' | sort -u >"$out/pack-cookies.txt"
dotnet build "$here/gen/Gen.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly -o "$out/gen-bin" >"$out/gen-build.log" 2>&1 ||
	{ cat "$out/gen-build.log" >&2; fail "building the generator failed"; }
dotnet "$out/gen-bin/DiscordPresence.WasmGen.dll" "$framework" "$root/src/Exports/bin/Release/net10.0/DiscordPresence.Exports.dll" \
	"$out/system-native-symbols.txt" "$out/pack-cookies.txt" "$out/gen"

# ---- 4. compile and link -------------------------------------------------------------------------------------------
step "compile"
# The most linear memory the module may ever have (--max-memory below). os_memory.c sizes the GC's card table for it,
# so it must be the same number in both places. 128 MiB: a call's working set is a few MiB.
max_memory_bytes=$((128 << 20))
# The prefix maps turn __FILE__ (runtime.c's asserts) and any debug info into fixed names, so no absolute path of
# the build machine (checkout, NuGet cache) lands in the module and two checkouts build the same bytes.
cflags=(-ffile-prefix-map="$root"=/src -ffile-prefix-map="$pack"=/runtime-pack --target=wasm32-wasi -O2 -DGEN_PINVOKE -DMAX_MEMORY_BYTES="$max_memory_bytes" -Wno-c23-extensions -I"$native/include/mono-2.0" -I"$native/include/wasm" -I"$out/gen" -I"$here/native")
for src in "$native/src/runtime.c" "$native/src/pinvoke.c" "$here/native/host.c" "$here/native/shim.c" "$here/native/os_memory.c" "$here/native/snapshot_support.c" "$out/gen/exports.g.c"; do
	clang-19 "${cflags[@]}" -c "$src" -o "$out/obj/$(basename "$src" .c).o" || fail "compiling $src failed"
done

step "link"
# The C stack: 256 KiB (the warm-up's calls reach about 8 KiB of it; the memory map shows how far); the interpreter
# keeps managed frames on its own stack. --stack-first puts it at address 0, so an overflow traps instead of
# overwriting static data.
# Only these pack libraries: no wasm exception handling (libmono-wasm-eh-*), no SIMD, no ICU, stub components.
libs=(libmonosgen-2.0.a libmono-ee-interp.a libmono-icall-table.a libSystem.Native.a libmono-component-debugger-stub-static.a
	libmono-component-diagnostics_tracing-stub-static.a libmono-component-hot_reload-stub-static.a
	libmono-component-marshal-ilgen-static.a libmono-wasm-nosimd.a libz.a)
clang-19 --target=wasm32-wasi -O2 -mexec-model=reactor "$out"/obj/*.o "${libs[@]/#/$native/}" \
	-Wl,-z,stack-size=262144 -Wl,--stack-first -Wl,--max-memory="$max_memory_bytes" \
	-Wl,--wrap=mono_valloc,--wrap=mono_valloc_aligned,--wrap=mono_vfree,--wrap=sgen_alloc_os_memory,--wrap=sbrk -Wl,--strip-debug -Wl,--fatal-warnings -o "$out/plugin.linked.wasm" 2>"$out/link.log" ||
	{ cat "$out/link.log" >&2; fail "link failed (an unresolved symbol or a signature mismatch is an error)"; }

if [ "${WASM_OPT:-1}" != 0 ]; then
	step "wasm-opt -Oz"
	node "$wasm_opt" -Oz --strip-debug --strip-producers "$out/plugin.linked.wasm" -o "$out/plugin.wasm" ||
		fail "wasm-opt failed"
else
	cp "$out/plugin.linked.wasm" "$out/plugin.wasm"
fi

# ---- 5. pre-initialize (build/snapshot, issue 7) ----------------------------------------------------------------------
# Runs the runtime's start-up and one call of every export once, here, and writes a module that starts in that state,
# so Navidrome's fresh instance per call skips both. SNAPSHOT=0 keeps the cold module (for comparisons).
cp "$out/plugin.wasm" "$out/plugin.cold.wasm"
if [ "${SNAPSHOT:-1}" != 0 ]; then
	step "snapshot"
	dotnet run -c Release --project "$root/build/snapshot" -- "$out/plugin.cold.wasm" "$out/plugin.wasm" "$out/memory-map.md" ||
		fail "the snapshot failed (SNAPSHOT=0 builds the module without it)"
	echo "memory map (what the instance's pages hold): $out/memory-map.md"
	grep -F '**total**' "$out/memory-map.md" || true
fi

# ---- 6. check and package ------------------------------------------------------------------------------------------
step "check"
manifest="$root/manifest.json"
[ -f "$manifest" ] || fail "manifest.json is missing at the repository root: the .ndp needs it (plugin.wasm is at $out/plugin.wasm)"
"$here/check.sh" "$out/plugin.wasm" "$manifest" "$native"
"$root/build/check-no-paths.sh" "$out/plugin.wasm" "$root" "$pack"

step "package"
stage="$out/ndp"
mkdir -p "$stage"
cp "$manifest" "$stage/manifest.json"
cp "$out/plugin.wasm" "$stage/plugin.wasm"
touch -d '2000-01-01 00:00:00 UTC' "$stage/manifest.json" "$stage/plugin.wasm" # same sources, same zip
rm -f "$root/discord-rich-presence.ndp"
( cd "$stage" && zip -q -X -9 "$root/discord-rich-presence.ndp" manifest.json plugin.wasm )

size=$(stat -c %s "$out/plugin.wasm")
gz=$(gzip -9 -c "$out/plugin.wasm" | wc -c)
echo "built $root/discord-rich-presence.ndp: plugin.wasm $size bytes ($gz gzipped) in $((SECONDS - started)) s"
