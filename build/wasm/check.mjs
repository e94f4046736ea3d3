// Checks plugin.wasm's interface against the plugin's sources and manifest.json:
//  - imports come only from wasi_snapshot_preview1, extism:host/env and extism:host/user;
//  - every extism:host/user import is unlocked by a permission the manifest declares;
//  - the nd_* exports are exactly the names in src/Exports/ExportNames.cs, and _initialize is exported (reactor).
//  - the extism:host/user imports are exactly src/Exports/Host/HostFunctionNames.cs (a missing one answers an error).
// Usage: node check.mjs <plugin.wasm> <manifest.json> <ExportNames.cs> <HostFunctionNames.cs>
import { readFileSync } from "node:fs";

const [wasmPath, manifestPath, exportNamesPath, hostFunctionsPath] = process.argv.slice(2);
const module = new WebAssembly.Module(readFileSync(wasmPath));
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const declared = new Set(Object.keys(manifest.permissions ?? {}));
const problems = [];

// Which permission unlocks a Navidrome host function (docs/navidrome-host.md, 'Package and manifest'); config_* needs none.
const permissionOf = (name) => {
  const table = [
    ["cache_", "cache"], ["kvstore_", "kvstore"], ["scheduler_", "scheduler"], ["websocket_", "websocket"],
    ["artwork_", "artwork"], ["subsonicapi_", "subsonicapi"], ["http_", "http"], ["users_", "users"],
    ["library_", "library"], ["task_", "taskqueue"], ["matcher_", "matcher"], ["storage_", "storage"],
    ["scrobbleretriever_", "scrobbleRetriever"], ["config_", null],
  ];
  const hit = table.find(([prefix]) => name.startsWith(prefix));
  return hit === undefined ? undefined : hit[1];
};

const allowedModules = new Set(["wasi_snapshot_preview1", "extism:host/env", "extism:host/user"]);
for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
  if (!allowedModules.has(from)) problems.push(`import from an unexpected module: ${from}.${name} (${kind})`);
  if (from !== "extism:host/user") continue;
  const permission = permissionOf(name);
  if (permission === undefined) problems.push(`extism:host/user.${name} is not a known Navidrome host function`);
  else if (permission !== null && !declared.has(permission))
    problems.push(`extism:host/user.${name} needs permission "${permission}", which manifest.json does not declare`);
}

const imported = new Set(WebAssembly.Module.imports(module).filter((i) => i.module === "extism:host/user").map((i) => i.name));
const named = new Set([...readFileSync(hostFunctionsPath, "utf8").matchAll(/= "([a-z]+_[a-z_]+)"/g)].map((m) => m[1]));
for (const name of named)
  if (!imported.has(name)) problems.push(`HostFunctionNames.cs lists ${name}, which plugin.wasm does not import (add it to src/Exports/Wasm/ExtismImports.cs)`);
for (const name of imported)
  if (!named.has(name)) problems.push(`plugin.wasm imports ${name}, which HostFunctionNames.cs does not list`);

const exported = WebAssembly.Module.exports(module).map((e) => e.name);
const implemented = [...readFileSync(exportNamesPath, "utf8").matchAll(/"(nd_[a-z_]+)"/g)].map((m) => m[1]);
const ndExports = exported.filter((n) => n.startsWith("nd_")).sort();
const expected = [...new Set(implemented)].sort();
if (JSON.stringify(ndExports) !== JSON.stringify(expected))
  problems.push(`nd_* exports ${JSON.stringify(ndExports)} differ from ExportNames.cs ${JSON.stringify(expected)}`);
if (!exported.includes("_initialize")) problems.push("no _initialize export: not a reactor module");
if (exported.includes("_start")) problems.push("exports _start: Navidrome expects a reactor");
if (!exported.includes("memory")) problems.push("memory is not exported");

if (problems.length > 0) {
  for (const p of problems) console.error(`check: ${p}`);
  process.exit(1);
}
const userImports = WebAssembly.Module.imports(module).filter((i) => i.module === "extism:host/user").length;
console.log(`check: ${ndExports.length} nd_* exports, ${userImports} host functions, all covered by manifest permissions`);
