namespace Navidrome.DiscordPresence.Exports.Wasm;

/// <summary>
/// What plugin.wasm's <c>nd_*</c> exports call: build/wasm/native/host.c looks this method up once per instance and
/// invokes it with the export's name. Everything below is the code the managed tests run.
/// </summary>
public static class WasmEntry
{
    /// <summary>Runs one export call against the Extism kernel; returns the export's i32.</summary>
    public static int Run(string export) => PluginEntry.Invoke(export, new ExtismPluginHost());
}
