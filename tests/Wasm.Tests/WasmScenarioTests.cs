using Navidrome.DiscordPresence.TestHost.Scenarios;
using Xunit;

namespace Navidrome.DiscordPresence.Wasm.Tests;

/// <summary>
/// Every scenario under tests/scenarios replayed through the built plugin.wasm (skipped when it is not built):
/// the same test host, fake Discord and expectations as the managed run, with the runtime below the seam swapped.
/// A fresh instance per call, as Navidrome does; WASM_SCENARIOS=0 skips them.
/// </summary>
public sealed class WasmScenarioTests(CompiledPlugin plugin) : IClassFixture<CompiledPlugin>
{
    public static TheoryData<string> Files() => new(ScenarioFiles.Shipped());

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Scenario_passes_on_the_wasm_plugin(string file)
    {
        Skip.If(PluginWasm.Path is null, PluginWasm.NotBuilt);
        Skip.If(Environment.GetEnvironmentVariable("WASM_SCENARIOS") == "0", "WASM_SCENARIOS=0");
        var path = ScenarioFiles.PathOf(file);
        var scenario = ScenarioParser.ParseFile(path);
        // A known bug is tracked by the managed run; replaying it here would only cost minutes.
        Skip.If(scenario.KnownBug is not null, $"known plugin bug: {scenario.KnownBug}");
        var result = ScenarioRunner.Run(scenario, plugin.Runner);
        Assert.True(result.Passed, result.Transcript);
    }
}
