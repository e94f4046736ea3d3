using System.Diagnostics.CodeAnalysis;
using Navidrome.DiscordPresence.Exports.Wasm;

// The WebAssembly SDK wants an entry point. The module is a reactor and never runs it: host.c calls WasmEntry.Run
// by name, which is why the trimmer is told to keep it.
internal static class Program
{
    [DynamicDependency(nameof(WasmEntry.Run), typeof(WasmEntry))]
    private static int Main() => 0;
}
