using Xunit;
using Navidrome.DiscordPresence.Harness.Wasm;

namespace Navidrome.DiscordPresence.Wasm.Tests;

/// <summary>Where the artifact under test is: $PLUGIN_WASM, else build/wasm/out/plugin.wasm in this checkout.</summary>
internal static class PluginWasm
{
    public static string? Path { get; } = Find();

    public const string NotBuilt = "plugin.wasm is not built: run ./build.sh (or set PLUGIN_WASM) to run the artifact tests";

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("PLUGIN_WASM") is { Length: > 0 } given) return File.Exists(given) ? given : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DiscordPresence.sln")))
            {
                var built = System.IO.Path.Combine(dir.FullName, "build", "wasm", "out", "plugin.wasm");
                return File.Exists(built) ? built : null;
            }
        return null;
    }
}

/// <summary>A fact that is skipped, with the reason, when plugin.wasm has not been built.</summary>
public sealed class WasmFactAttribute : FactAttribute
{
    public WasmFactAttribute()
    {
        if (PluginWasm.Path is null) Skip = PluginWasm.NotBuilt;
    }
}

/// <summary>One compiled module shared by the tests of a class (compiling takes about a second).</summary>
public sealed class CompiledPlugin : IDisposable
{
    private readonly Lazy<WasmtimePluginRunner> runner = new(() => new WasmtimePluginRunner(PluginWasm.Path!));
    public WasmtimePluginRunner Runner => runner.Value;
    public void Dispose() { if (runner.IsValueCreated) runner.Value.Dispose(); }
}
