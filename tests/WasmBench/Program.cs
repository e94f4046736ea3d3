using System.Diagnostics;
using Navidrome.DiscordPresence.Snapshot;
using Wasmtime;

// WasmBench <module.wasm>...: instantiate + call, fresh instance each time, for the calls Navidrome makes most.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: WasmBench <plugin.wasm> [more modules...]");
    return 2;
}
const int Rounds = 40;
using var engine = new Engine();
var trivial = Measure(engine, Path.Combine(AppContext.BaseDirectory, "trivial.wasm"), [("run", "")], Rounds * 5);
Console.WriteLine($"Wasmtime 50.0.1, {Rounds} fresh instances per call, median (p90); ratio = median / trivial module's median ({trivial[0].Median:F3} ms)");
Console.WriteLine();
Console.WriteLine("| Module | Size | Call | Per call | Ratio to trivial |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var path in args)
{
    var results = Measure(engine, path, BenchCalls.All, Rounds);
    foreach (var r in results)
        Console.WriteLine($"| {Path.GetFileName(path)} | {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB | {r.Label} | {r.Median:F2} ms ({r.P90:F2}) | {r.Median / trivial[0].Median:F0}× |");
}
return 0;

static List<(string Label, double Median, double P90)> Measure(Engine engine, string path, IReadOnlyList<(string Export, string Input)> calls, int rounds)
{
    using var module = Module.FromFile(engine, path);
    var kernel = new WarmUpKernel(BenchCalls.Config, BenchCalls.Answer);
    using var linker = new Linker(engine);
    linker.DefineWasi();
    if (module.Imports.Any(i => i.ModuleName.StartsWith("extism:", StringComparison.Ordinal))) kernel.DefineIn(linker, module);
    var results = new List<(string, double, double)>();
    foreach (var (export, input) in calls)
    {
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            using var store = new Store(engine);
            store.SetWasiConfiguration(new WasiConfiguration());
            var instance = linker.Instantiate(store, module);
            instance.GetAction("_initialize")?.Invoke();
            kernel.Begin(input);
            var code = instance.GetFunction<int>(export)!();
            times[i] = watch.Elapsed.TotalMilliseconds;
            if (code != 0 || kernel.Error is not null) throw new InvalidOperationException($"{export} returned {code}: {kernel.Error}");
        }
        Array.Sort(times);
        results.Add((BenchCalls.Label(export, input), times[rounds / 2], times[rounds * 9 / 10]));
    }
    return results;
}
