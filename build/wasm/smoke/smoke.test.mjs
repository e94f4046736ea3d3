// plugin.wasm under the official Extism JS SDK on Node: a second, independent Extism runtime beside the Wasmtime
// tests. Loads plugin.wasm from the .ndp, with WASI, the config as Navidrome delivers it (strings) and stub
// Navidrome host functions. Run: node --test build/wasm/smoke/ (after ./build.sh and npm ci here).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import createPlugin from "@extism/extism";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const ndp = process.env.PLUGIN_NDP ?? `${root}discord-rich-presence.ndp`;

/** Reads one entry of a zip (stored or deflated) through its central directory. */
function unzipEntry(zip, wanted) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const [method, size, nameLength, extraLength, commentLength, local] = [zip.readUInt16LE(at + 10),
      zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32), zip.readUInt32LE(at + 42)];
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    if (name === wanted) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${wanted} is not in ${ndp}`);
}

async function load(calls) {
  const wasm = unzipEntry(readFileSync(ndp), "plugin.wasm");
  const answer = (name, request) => {
    if (name === "http_send" && request.includes("/gateway")) return { result: { statusCode: 200, headers: {}, body: JSON.stringify({ url: "wss://gateway.discord.gg" }) } };
    if (name === "websocket_connect") return { newConnectionId: JSON.parse(request).connectionId };
    if (name === "cache_getstring" || name === "kvstore_get") return { exists: false };
    return {};
  };
  const user = {};
  for (const { module, name } of WebAssembly.Module.imports(new WebAssembly.Module(wasm)))
    if (module === "extism:host/user")
      user[name] = (context, offset) => {
        const request = context.read(offset).text();
        calls.push({ name, request });
        return context.store(JSON.stringify(answer(name, request)));
      };
  const quiet = { info() {}, debug() {}, warn() {}, error() {}, trace() {}, log() {} };
  return createPlugin({ wasm: [{ data: wasm }] }, {
    useWasi: true,
    logger: quiet,
    config: { clientid: "123456789012345678", users: JSON.stringify([{ username: "alice", token: "alice-token-secret" }]) },
    functions: { "extism:host/user": user },
  });
}

const track = { id: "t1", title: "Song", album: "Album", artist: "Artist", albumArtist: "Artist", artists: [{ name: "Artist" }],
  albumArtists: [{ name: "Artist" }], duration: 200, trackNumber: 1, discNumber: 1 };

test("nd_scrobbler_is_authorized: a configured user yes, an unknown user no", async () => {
  const plugin = await load([]);
  try {
    assert.equal((await plugin.call("nd_scrobbler_is_authorized", JSON.stringify({ username: "alice" }))).text(), "true");
    assert.equal((await plugin.call("nd_scrobbler_is_authorized", JSON.stringify({ username: "mallory" }))).text(), "false");
  } finally {
    await plugin.close();
  }
});

test("a playing report opens the user's Discord gateway WebSocket", async () => {
  const calls = [];
  const plugin = await load(calls);
  try {
    const report = { username: "alice", track, state: "playing", positionMs: 1000, playbackRate: 1, playerId: "p1", playerName: "Web", timestamp: Math.floor(Date.now() / 1000) };
    await plugin.call("nd_scrobbler_playback_report", JSON.stringify(report));
    const connect = calls.find((c) => c.name === "websocket_connect");
    assert.ok(connect, `no websocket_connect among ${calls.map((c) => c.name).join(", ")}`);
    assert.match(JSON.parse(connect.request).url, /^wss:\/\/gateway\.discord\.gg\//);
    for (const c of calls) assert.ok(!c.request.includes("alice-token-secret") || c.name === "websocket_sendtext", `token in ${c.name}`);
  } finally {
    await plugin.close();
  }
});
