using Navidrome.DiscordPresence.Harness.Wasm;
using Navidrome.DiscordPresence.TestHost.Scenarios;
using Xunit;

namespace Navidrome.DiscordPresence.Wasm.Tests;

/// <summary>Every scenario under tests/scenarios, replayed through plugin.wasm exactly as TestHost.Tests replays it through the managed plugin.</summary>
public sealed class ScenarioTests(CompiledPlugin plugin) : IClassFixture<CompiledPlugin>
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
    public void Scenario_passes_on_the_wasm_module(string file)
    {
        Skip.If(PluginWasm.Path is null, PluginWasm.NotBuilt);
        var path = Path.Combine(ScenarioFiles.RepositoryFolder(AppContext.BaseDirectory), file);
        var result = ScenarioRunner.Run(ScenarioParser.ParseFile(path), plugin.Runner);
        Assert.True(result.Passed, result.Transcript);
    }
}
