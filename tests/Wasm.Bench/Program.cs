using System.Diagnostics;
using System.Text;
using Navidrome.DiscordPresence.Harness.Wasm;
using Navidrome.DiscordPresence.Wasm.Bench;
using Wasmtime;

// Measures what Navidrome pays per call: a fresh instance, _initialize, the runtime's start and the export, for three
// typical calls, next to the same cycle for a trivial one-export module in the same process (the floor). By default
// it compares the module without the build-time snapshot (plugin.cold.wasm) with the shipped one (plugin.wasm).
// Prints a Markdown table. Wall-clock figures: rerun on an idle machine and compare medians.
var root = FindRoot();
var modules = args.Length > 0 ? args : new[] { "plugin.cold.wasm", "plugin.wasm" }.Select(name => Path.Combine(root, "build", "wasm", "out", name)).ToArray();
if (modules.FirstOrDefault(path => !File.Exists(path)) is { } missing)
{
    Console.Error.WriteLine($"no module at {missing}: run ./build.sh first");
    return 1;
}
const int Runs = 15;

var nowMs = 1_764_000_000_000;
const string Track = """{"id":"t1","title":"Song","album":"Album","artist":"Artist","albumArtist":"Artist","artists":[{"name":"Artist"}],"albumArtists":[{"name":"Artist"}],"duration":200,"trackNumber":1,"discNumber":1}""";
var calls = new (string Name, string Export, string Input)[]
{
    ("nd_scrobbler_is_authorized", "nd_scrobbler_is_authorized", """{"username":"alice"}"""),
    ("playback report (playing)", "nd_scrobbler_playback_report", $$"""{"username":"alice","track":{{Track}},"state":"playing","positionMs":1000,"playbackRate":1,"playerId":"p1","playerName":"Web","timestamp":{{nowMs / 1000}}}"""),
    ("heartbeat-ACK text frame", "nd_websocket_on_text_message", """{"connectionId":"drp:1:alice","message":"{\"op\":11,\"d\":null,\"s\":null,\"t\":null}"}"""),
};

using var engine = new Engine();
using var trivial = Module.FromText(engine, "trivial", """(module (memory (export "memory") 1) (func (export "_initialize")) (func (export "f") (result i32) i32.const 0))""");
var floor = Median(Runs * 10, () =>
{
    using var store = new Store(engine);
    using var linker = new Linker(engine);
    linker.DefineWasi();
    var instance = linker.Instantiate(store, trivial);
    instance.GetAction("_initialize")!();
    instance.GetFunction<int>("f")!();
});

Console.WriteLine($"Wasmtime 50.0.1, a fresh instance per call, median of {Runs} calls after one warm-up; trivial module per call: {floor:F3} ms");
Console.WriteLine();
Console.WriteLine("| module | size | Wasmtime compile | call | per call (ms) | × trivial module |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var wasm in modules)
{
    var clock = Stopwatch.StartNew();
    using var runner = new WasmtimePluginRunner(wasm);
    var compileMs = clock.Elapsed.TotalMilliseconds;
    var size = $"{new FileInfo(wasm).Length / 1_000_000.0:F1} MB";
    foreach (var (name, export, input) in calls)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        var failed = runner.Call(export, bytes, new BenchHost(nowMs)).Error;
        if (failed is not null) Console.Error.WriteLine($"{name}: {failed}");
        var median = Median(Runs, () => runner.Call(export, bytes, new BenchHost(nowMs)));
        Console.WriteLine($"| {Path.GetFileName(wasm)} | {size} | {compileMs / 1000:F1} s | {name} | {median:F2} | {median / floor:F0}× |");
    }
}

// A call reads the config every time: how the cost grows with the number of configured users.
Console.WriteLine();
Console.WriteLine("| module | configured users | nd_scrobbler_is_authorized per call (ms) |");
Console.WriteLine("|---|---|---|");
using (var shipped = new WasmtimePluginRunner(modules[^1]))
{
    var input = Encoding.UTF8.GetBytes("""{"username":"alice"}""");
    foreach (var users in new[] { 1, 10, 50, 200 })
        Console.WriteLine($"| {Path.GetFileName(modules[^1])} | {users} | {Median(Runs, () => shipped.Call("nd_scrobbler_is_authorized", input, new BenchHost(nowMs, users))):F2} |");
}
return 0;

static double Median(int runs, Action run)
{
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        run();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    return times[runs / 2];
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "DiscordPresence.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
