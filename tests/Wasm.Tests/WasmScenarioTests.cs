using Navidrome.DiscordPresence.TestHost.Scenarios;
using Xunit;

namespace Navidrome.DiscordPresence.Wasm.Tests;

/// <summary>
/// Every scenario under tests/scenarios replayed through the built plugin.wasm (skipped when it is not built):
/// the same test host, fake Discord and expectations as the managed run, with the runtime below the seam swapped.
/// </summary>
public sealed class WasmScenarioTests(CompiledPlugin plugin) : IClassFixture<CompiledPlugin>
{
    public static TheoryData<string> Files()
    {
        var folder = ScenarioFiles.RepositoryFolder(AppContext.BaseDirectory);
        var data = new TheoryData<string>();
        foreach (var file in ScenarioFiles.Find(folder)) data.Add(Path.GetRelativePath(folder, file));
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Scenario_passes_on_the_wasm_plugin(string file)
    {
        Skip.If(PluginWasm.Path is null, PluginWasm.NotBuilt);
        var path = Path.Combine(ScenarioFiles.RepositoryFolder(AppContext.BaseDirectory), file);
        var result = ScenarioRunner.Run(ScenarioParser.ParseFile(path), plugin.Runner);
        if (result.Scenario.KnownBug is { } bug)
        {
            Skip.If(!result.Passed, $"known plugin bug: {bug}\n{string.Join('\n', result.Failures)}");
            Assert.Fail($"{result.Verdict}\n{result.Transcript}");
        }
        Assert.True(result.Passed, result.Transcript);
    }
}
