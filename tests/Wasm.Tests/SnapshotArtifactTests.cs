using System.Text;
using Wasmtime;
using Xunit;

namespace Navidrome.DiscordPresence.Wasm.Tests;

/// <summary>
/// The shipped plugin.wasm is the build-time snapshot (build/snapshot) of plugin.cold.wasm: it must carry nothing from
/// the warm-up, and keep the cold module's interface exactly.
/// </summary>
public sealed class SnapshotArtifactTests
{
    private static string Cold => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(PluginWasm.Path!)!, "plugin.cold.wasm");

    [WasmFact]
    public void The_shipped_module_holds_nothing_from_the_warm_up()
    {
        var module = File.ReadAllBytes(PluginWasm.Path!);
        foreach (var sentinel in new[] { "WARMUPSENTINEL", "warmupsentineluser" })
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
                Assert.True(module.AsSpan().IndexOf(encoding.GetBytes(sentinel)) < 0, $"{sentinel} ({encoding.WebName}) is in plugin.wasm");
    }

    [WasmFact]
    public void The_snapshot_keeps_every_import_and_export_of_the_cold_module()
    {
        Assert.True(File.Exists(Cold), "build.sh keeps the module before the snapshot as plugin.cold.wasm");
        using var engine = new Engine();
        using var cold = Module.FromFile(engine, Cold);
        using var warm = Module.FromFile(engine, PluginWasm.Path!);
        Assert.Equal(Imports(cold), Imports(warm));
        Assert.Equal(Exports(cold).Where(e => e is not ("plugin_snapshot_collect" or "plugin_memory_map")), Exports(warm));
        Assert.Contains("_initialize", Exports(warm)); // kept, as a no-op: hosts call a reactor's _initialize
    }

    [WasmFact]
    public void The_module_declares_the_maximum_memory_its_card_table_is_sized_for()
    {
        // build/wasm/native/os_memory.c gives the GC's card table one byte per 512 bytes of this maximum only.
        using var engine = new Engine();
        using var module = Module.FromFile(engine, PluginWasm.Path!);
        var memory = module.Exports.OfType<MemoryExport>().Single();
        Assert.Equal(128L << 20 >> 16, memory.Maximum);
    }

    private static string[] Imports(Module module) => [.. module.Imports.Select(i => $"{i.ModuleName}::{i.Name}").Order()];
    private static string[] Exports(Module module) => [.. module.Exports.Select(e => e.Name).Order()];
}
