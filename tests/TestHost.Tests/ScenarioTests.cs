using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Scenarios;
using Xunit;

namespace Navidrome.DiscordPresence.TestHost.Tests;

/// <summary>Every scenario under tests/scenarios, replayed through the managed plugin; a failure shows the whole transcript.</summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> Files()
    {
        var folder = ScenarioFiles.RepositoryFolder(AppContext.BaseDirectory);
        var data = new TheoryData<string>();
        foreach (var file in ScenarioFiles.Find(folder)) data.Add(Path.GetRelativePath(folder, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_passes(string file)
    {
        var path = Path.Combine(ScenarioFiles.RepositoryFolder(AppContext.BaseDirectory), file);
        var result = ScenarioRunner.Run(ScenarioParser.ParseFile(path), new ManagedPluginRunner());
        Assert.True(result.Passed, result.Transcript);
    }
}
