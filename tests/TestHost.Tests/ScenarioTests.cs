using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Scenarios;
using Xunit;

namespace Navidrome.DiscordPresence.TestHost.Tests;

/// <summary>Every scenario under tests/scenarios, replayed through the managed plugin; a failure shows the whole transcript.</summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> Files() => new(ScenarioFiles.Shipped());

    /// <summary>
    /// A scenario marked <c>known-bug:</c> shows a plugin bug that is written down but not fixed yet: it is skipped
    /// while it fails, and fails once it passes, so the marker is removed when the bug is fixed.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Scenario_passes(string file)
    {
        var path = ScenarioFiles.PathOf(file);
        var result = ScenarioRunner.Run(ScenarioParser.ParseFile(path), new ManagedPluginRunner());
        if (result.Scenario.KnownBug is { } bug)
        {
            Skip.If(!result.Passed, $"known plugin bug: {bug}\n{string.Join('\n', result.Failures)}");
            Assert.Fail($"{result.Verdict}\n{result.Transcript}");
        }
        Assert.True(result.Passed, result.Transcript);
    }
}
