using System.Text;
using Wasmtime;

namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>
/// The plugin's snapshot: start the runtime (the first export call of an instance does that), run every export once
/// (<see cref="WarmUpCalls"/>) so the interpreter has loaded and prepared the hot code, collect the garbage, and
/// write the result. WASI gets no environment, arguments or directories: nothing of the build machine is kept.
/// </summary>
internal static class PluginSnapshot
{
    /// <summary>The driver's export that runs a full, compacting collection; called last, so warm-up data is garbage and gone.</summary>
    public const string CollectExport = "plugin_snapshot_collect";

    /// <summary>The driver's export that reports where each region of memory is (<see cref="MemoryMap"/>); called after the collection.</summary>
    public const string MapExport = "plugin_memory_map";

    /// <summary>The snapshot of <paramref name="plugin"/>, and the map of what its memory holds (a Markdown table).</summary>
    public static (byte[] Module, string Map) Take(byte[] plugin)
    {
        var regions = new List<MemoryRegion>();
        var growth = new WarmUpGrowth();
        var map = "";
        var host = new WarmUpCalls.Host();
        IReadOnlyDictionary<string, string> config = WarmUpCalls.Passes[0].Config;
        var kernel = new ExtismKernel(
            key => config.GetValueOrDefault(key),
            (function, request) => Encoding.UTF8.GetBytes(host.Answer(function, Encoding.UTF8.GetString(request))),
            (_, _) => { });
        var snapshot = Snapshotter.Take(
            plugin,
            (linker, store, module) =>
            {
                linker.DefineWasi();
                store.SetWasiConfiguration(new WasiConfiguration());
                FixedWasi.DefineIn(linker); // same clocks and random bytes on every build: a reproducible image
                kernel.DefineIn(linker, module);
            },
            instance =>
            {
                instance.GetAction("_initialize")?.Invoke();
                void Call(string export, string input)
                {
                    kernel.Begin(Encoding.UTF8.GetBytes(input.Replace(WarmUpCalls.CurrentConnection, host.Connection, StringComparison.Ordinal)));
                    var code = instance.GetFunction<int>(export)?.Invoke()
                        ?? throw new InvalidOperationException($"the module does not export {export}");
                    // A failing call would leave its path cold and the warm-up quietly pointless.
                    if (code != 0 || kernel.Error is not null)
                        throw new InvalidOperationException($"warm-up call {export} returned {code}: {kernel.Error}");
                    growth.After(export, ReportMap(instance, kernel), MemoryBytes(instance));
                }
                foreach (var (user, passConfig) in WarmUpCalls.Passes)
                {
                    config = passConfig;
                    foreach (var step in WarmUpCalls.Session(user))
                    {
                        if (!step.FiresTimers) { Call(step.Export, step.Input); continue; }
                        foreach (var (id, payload, recurring) in host.TakeTimers())
                            Call("nd_scheduler_callback", System.Text.Json.JsonSerializer.Serialize(
                                new Dictionary<string, object> { ["scheduleId"] = id, ["payload"] = payload, ["isRecurring"] = recurring }));
                    }
                }
                kernel.Begin("{}"u8.ToArray());
                var collect = instance.GetFunction<int>(CollectExport)
                    ?? throw new InvalidOperationException($"the module does not export {CollectExport}, so warm-up data cannot be cleared");
                collect();
                regions = growth.WithDeepestStack(ReportMap(instance, kernel));
            },
            dropExports: [CollectExport, MapExport],
            emptyExports: ["_initialize"], // hosts call a reactor's _initialize on every instance: it already ran
            inspectImage: image => map = MemoryMap.Markdown(regions, image) + growth.Markdown());
        var leaks = SentinelOffsets(snapshot);
        if (leaks.Count > 0)
            throw new InvalidOperationException(
                $"the snapshot still holds warm-up data ({leaks.Count} copies of a sentinel, first at byte {leaks[0]}: " +
                $"\"{Printable(snapshot, leaks[0])}\"); refusing to write it");
        return (snapshot, map);
    }

    /// <summary>Runs the module's <see cref="MapExport"/> and parses what it reports.</summary>
    private static List<MemoryRegion> ReportMap(Instance instance, ExtismKernel kernel)
    {
        kernel.Begin("{}"u8.ToArray());
        var report = instance.GetFunction<int>(MapExport)
            ?? throw new InvalidOperationException($"the module does not export {MapExport}");
        report();
        return MemoryMap.Parse(Encoding.UTF8.GetString(kernel.Output));
    }

    private static long MemoryBytes(Instance instance) =>
        instance.GetMemory("memory")?.GetLength() ?? throw new InvalidOperationException("the module does not export memory");

    /// <summary>Where the sentinel appears in <paramref name="module"/>, as UTF-8 or UTF-16 text.</summary>
    public static List<int> SentinelOffsets(byte[] module)
    {
        var found = new List<int>();
        var patterns = new[] { WarmUpCalls.Sentinel, WarmUpCalls.User }
            .SelectMany(text => new[] { Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text) });
        foreach (var pattern in patterns)
            for (var at = module.AsSpan().IndexOf(pattern); at >= 0;)
            {
                found.Add(at);
                var next = module.AsSpan(at + 1).IndexOf(pattern);
                at = next < 0 ? -1 : at + 1 + next;
            }
        found.Sort();
        return found;
    }

    /// <summary>The printable bytes around <paramref name="at"/>, to tell which data a leak is.</summary>
    private static string Printable(byte[] module, int at)
    {
        var start = Math.Max(0, at - 48);
        var end = Math.Min(module.Length, at + 80);
        return new string([.. module[start..end].Select(b => b is >= 0x20 and < 0x7F ? (char)b : '.')]);
    }
}
