using Navidrome.DiscordPresence.Snapshot;
using Wasmtime;
using Xunit;

namespace Navidrome.DiscordPresence.Snapshot.Tests;

public class SnapshotterTests
{
    private static readonly byte[] Counter = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "counter.wasm"));

    private static byte[] TakeSnapshot(int seed) => Snapshotter.Take(
        Counter,
        (linker, _, _) => linker.DefineFunction("env", "seed", () => seed),
        instance =>
        {
            instance.GetAction("_initialize")!();
            instance.GetAction("grow")!();
        },
        ["_initialize"]);

    private static (Instance Instance, Store Store) Instantiate(byte[] module, int seed)
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.DefineFunction("env", "seed", () => seed);
        return (linker.Instantiate(store, Module.FromBytes(engine, "snapshot", module)), store);
    }

    [Fact]
    public void A_fresh_instance_of_the_snapshot_starts_where_the_warm_up_ended()
    {
        var (instance, _) = Instantiate(TakeSnapshot(seed: 42), seed: 99);
        Assert.Equal(42, instance.GetFunction<int>("get")!());
        Assert.Equal(-5L, instance.GetFunction<long>("big")!());
        Assert.Equal(2.5, instance.GetFunction<double>("ratio")!());
        Assert.Equal(7, instance.GetFunction<int>("fixed")!());
        var load = instance.GetFunction<int, int>("load")!;
        Assert.Equal(0x11223344, load(1024));
        Assert.Equal(0x55, load(140000));               // beyond the original one page: memory grew
        Assert.Equal(0x6C6C6568, load(16));              // "hell": the module's own data survives
        Assert.Equal(3 * 65536L, instance.GetMemory("memory")!.GetLength());
    }

    [Fact]
    public void The_initialization_entry_point_is_gone_and_imports_still_work_per_call()
    {
        var (instance, _) = Instantiate(TakeSnapshot(seed: 42), seed: 99);
        Assert.Null(instance.GetFunction("_initialize"));
        Assert.Null(instance.GetFunction("__snapshot_global_0"));
        Assert.Equal(99, instance.GetFunction<int>("seed_now")!()); // an import is called live, never frozen
    }

    [Fact]
    public void An_initialization_export_can_stay_as_a_function_that_does_nothing()
    {
        var module = Snapshotter.Take(Counter, (linker, _, _) => linker.DefineFunction("env", "seed", () => 42),
            instance => instance.GetAction("_initialize")!(), dropExports: [], emptyExports: ["_initialize"]);
        var (instance, _) = Instantiate(module, seed: 99);
        instance.GetAction("_initialize")!();                      // runs, and changes nothing
        Assert.Equal(42, instance.GetFunction<int>("get")!());
    }

    [Fact]
    public void Snapshots_of_the_same_run_are_byte_identical() =>
        Assert.Equal(TakeSnapshot(seed: 5), TakeSnapshot(seed: 5));

    [Fact]
    public void A_module_that_is_not_wasm_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidDataException>(() => Snapshotter.Take("not wasm"u8.ToArray(), (_, _, _) => { }, _ => { }, []));
        Assert.Contains("not a wasm", error.Message);
    }
}

public class SnapshotValidationTests
{
    [SkippableFact]
    public void The_snapshot_validates_with_wasm_2_features_only()
    {
        var validator = new[] { "/usr/bin/wasm-validate", "/usr/local/bin/wasm-validate" }.FirstOrDefault(File.Exists);
        Skip.If(validator is null, "wabt's wasm-validate is not installed (the wasm build installs it)");
        var module = Snapshotter.Take(
            File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "counter.wasm")),
            (linker, _, _) => linker.DefineFunction("env", "seed", () => 1),
            instance => instance.GetAction("_initialize")!(),
            ["_initialize"]);
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, module);
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(validator!, path) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        File.Delete(path);
        Assert.True(process.ExitCode == 0, errors);
    }
}
