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

    public static byte[] Take(byte[] plugin)
    {
        var answers = WarmUpCalls.StatefulAnswers();
        var kernel = new ExtismKernel(
            key => WarmUpCalls.Config.GetValueOrDefault(key),
            (function, request) => Encoding.UTF8.GetBytes(answers(function, Encoding.UTF8.GetString(request))),
            (_, _) => { });
        var snapshot = Snapshotter.Take(
            plugin,
            (linker, store, module) =>
            {
                linker.DefineWasi();
                store.SetWasiConfiguration(new WasiConfiguration());
                kernel.DefineIn(linker, module);
            },
            instance =>
            {
                instance.GetAction("_initialize")?.Invoke();
                foreach (var (export, input) in WarmUpCalls.All)
                {
                    kernel.Begin(Encoding.UTF8.GetBytes(input));
                    var code = instance.GetFunction<int>(export)?.Invoke()
                        ?? throw new InvalidOperationException($"the module does not export {export}");
                    if (code != 0 || kernel.Error is not null)
                        Console.Error.WriteLine($"snapshot: warm-up call {export} returned {code}: {kernel.Error}");
                }
                kernel.Begin("{}"u8.ToArray());
                if (instance.GetFunction<int>(CollectExport) is { } collect) collect();
                else Console.Error.WriteLine($"snapshot: the module does not export {CollectExport}; warm-up garbage stays in memory");
            },
            dropExports: [CollectExport],
            emptyExports: ["_initialize"]); // hosts call a reactor's _initialize on every instance: it already ran
        var leaks = SentinelOffsets(snapshot);
        if (leaks.Count > 0 && Environment.GetEnvironmentVariable("SNAPSHOT_ALLOW_LEAKS") == "1")
            Console.Error.WriteLine($"snapshot: {leaks.Count} sentinel copies kept (SNAPSHOT_ALLOW_LEAKS=1), first at {leaks[0]}");
        else if (leaks.Count > 0)
            throw new InvalidOperationException(
                $"the snapshot still holds warm-up data ({leaks.Count} copies of the sentinel, first at byte {leaks[0]}); refusing to write it");
        return snapshot;
    }

    /// <summary>Where the sentinel appears in <paramref name="module"/>, as UTF-8 or UTF-16 text.</summary>
    public static List<int> SentinelOffsets(byte[] module)
    {
        var found = new List<int>();
        foreach (var pattern in new[] { Encoding.UTF8.GetBytes(WarmUpCalls.Sentinel), Encoding.Unicode.GetBytes(WarmUpCalls.Sentinel) })
            for (var at = module.AsSpan().IndexOf(pattern); at >= 0;)
            {
                found.Add(at);
                var next = module.AsSpan(at + 1).IndexOf(pattern);
                at = next < 0 ? -1 : at + 1 + next;
            }
        found.Sort();
        return found;
    }
}
