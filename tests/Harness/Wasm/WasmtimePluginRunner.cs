using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Snapshot;
using Wasmtime;

namespace Navidrome.DiscordPresence.Harness.Wasm;

/// <summary>
/// Runs plugin.wasm as Navidrome does: compiled once, a fresh instance (and Extism kernel) per call, _initialize
/// first, then the named export. A trap becomes a failed call whose error names the trap.
/// </summary>
public sealed class WasmtimePluginRunner : IPluginRunner, IDisposable
{
    private readonly Engine engine = new();
    private readonly Module module;

    public WasmtimePluginRunner(string wasmPath) => module = Module.FromFile(engine, wasmPath);

    public CallResult Call(string export, byte[] input, IHostServices host)
    {
        using var store = new Store(engine);
        store.SetWasiConfiguration(new WasiConfiguration().WithInheritedStandardError());
        using var linker = new Linker(engine) { AllowShadowing = true };
        linker.DefineWasi();
        DefineClock(linker, host);
        DefineRandom(linker, host);
        var kernel = new ExtismKernel(host.GetConfig, host.CallHost, (level, message) => host.Log(LevelOf(level), message));
        kernel.Begin(input);
        kernel.DefineIn(linker, module);
        try
        {
            var instance = linker.Instantiate(store, module);
            instance.GetAction("_initialize")?.Invoke();
            var function = instance.GetFunction<int>(export) ?? throw new InvalidOperationException($"function not found: {export}");
            var code = function();
            return new CallResult(code, kernel.Output, kernel.Error);
        }
        catch (WasmtimeException trap)
        {
            return new CallResult(-1, kernel.Output, $"trap: {trap.Message}");
        }
    }

    /// <summary>
    /// WASI's clocks read the host's clock (virtual in tests), as Navidrome's wall clock is the plugin's only time.
    /// The monotonic clock advances 1 ms per read, like wazero's fake one that Navidrome leaves in place.
    /// </summary>
    private static void DefineClock(Linker linker, IHostServices host)
    {
        long monotonicNs = 0;
        linker.DefineFunction("wasi_snapshot_preview1", "clock_time_get", (Caller caller, int clock, long precision, int resultPointer) =>
        {
            var ns = clock == 0 ? host.NowUnixMs() * 1_000_000 : (monotonicNs += 1_000_000);
            caller.GetMemory("memory")!.WriteInt64(resultPointer, ns);
            return 0;
        });
    }

    /// <summary>
    /// WASI's random bytes come from the host's NextRandom, 8 bytes per number, laid out so that the plugin's
    /// NextRandom (53 bits of one 8-byte random_get) gives back exactly that number: a fixed-random host is exact.
    /// </summary>
    private static void DefineRandom(Linker linker, IHostServices host)
    {
        linker.DefineFunction("wasi_snapshot_preview1", "random_get", (Caller caller, int pointer, int length) =>
        {
            var memory = caller.GetMemory("memory")!;
            for (var at = 0; at < length; at += 8)
            {
                var bits = (ulong)(host.NextRandom() * (1UL << 53)) << 11;
                for (var i = 0; i < 8 && at + i < length; i++) memory.WriteByte(pointer + at + i, (byte)(bits >> (8 * i)));
            }
            return 0;
        });
    }

    private static LogLevel LevelOf(KernelLogLevel level) => level switch
    {
        KernelLogLevel.Debug => LogLevel.Debug,
        KernelLogLevel.Info => LogLevel.Info,
        KernelLogLevel.Warn => LogLevel.Warn,
        _ => LogLevel.Error,
    };

    public void Dispose()
    {
        module.Dispose();
        engine.Dispose();
    }
}
