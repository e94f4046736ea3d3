namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>The plugin's own snapshot: runtime start-up and a warm-up of each export (filled in with the wasm build).</summary>
internal static class PluginSnapshot
{
    public static byte[] Take(byte[] plugin) =>
        throw new NotSupportedException("the plugin warm-up lands with the wasm build (issue 4); the snapshot tool itself is tested on a fixture");
}
