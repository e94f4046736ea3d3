using Navidrome.DiscordPresence.TestHost.Scenarios;
using Xunit;
using Xunit.Abstractions;

namespace Navidrome.DiscordPresence.Wasm.Tests;

/// <summary>
/// The scale run (docs/scenarios.md) on the built plugin.wasm, only when asked for:
/// <c>WASM_SCALE=5 [WASM_SCALE_MINUTES=60] dotnet test tests/Wasm.Tests --filter WasmScaleRun</c>.
/// </summary>
public sealed class WasmScaleRun(CompiledPlugin plugin, ITestOutputHelper output) : IClassFixture<CompiledPlugin>
{
    [SkippableFact]
    public void Users_listening_for_an_hour_on_the_wasm_plugin()
    {
        Skip.If(PluginWasm.Path is null, PluginWasm.NotBuilt);
        Skip.IfNot(int.TryParse(Environment.GetEnvironmentVariable("WASM_SCALE"), out var users) && users > 0, "set WASM_SCALE=<users> to run");
        var minutes = int.TryParse(Environment.GetEnvironmentVariable("WASM_SCALE_MINUTES"), out var m) ? m : 60;
        var report = ScaleRun.Run(users, TimeSpan.FromMinutes(minutes), plugin.Runner);
        output.WriteLine(report.ToString());
        Assert.Equal(0, report.FailedCalls);
        Assert.Equal(0, report.Unsettled);
        Assert.Equal(0, report.PresenceBudgetBreaches);
    }
}
