using System.Text;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Services;

namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>
/// Replays a scenario: builds the world (fake Discord and web services, the test host with the scenario's config
/// and Navidrome version), loads the plugin at time 0, then for each step moves the virtual clock to the step's
/// time (firing every schedule due on the way), carries the step out and lets the network settle. Expectations
/// are checked where they stand; the invariants every run must keep are checked at the end.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Replays <paramref name="scenario"/>; <paramref name="concurrentWorkers"/> forces Navidrome's concurrent workers on.</summary>
    public static ScenarioResult Run(Scenario scenario, IPluginRunner runner, bool concurrentWorkers = false)
    {
        var options = new HostOptions
        {
            Users = [.. scenario.GrantedUsers.Select(u => new NavidromeUser(u, u, false))],
            Version = scenario.Version,
            FixedRandom = scenario.FixedRandom,
            PublicBaseUrl = scenario.PublicBaseUrl ?? "http://localhost",
            ConcurrentWorkers = concurrentWorkers || scenario.ConcurrentWorkers,
        };
        // The plugin's own manifest decides permissions and allowed hosts, as in Navidrome.
        if (PluginManifest.Find(Path.GetDirectoryName(Path.GetFullPath(scenario.Path)) ?? ".") is { } manifest)
            options = PluginManifest.Apply(manifest, options);
        using var world = new TestWorld(runner, options, scenario.ConfigJson);
        var run = new ScenarioRun(world, scenario);
        var transcript = world.Transcript;
        transcript.Add("scenario", $"{scenario.Name} — Navidrome {(scenario.Version == NavidromeVersion.V062 ? "0.62+" : "0.61")}, users {string.Join(", ", scenario.GrantedUsers)}{(options.ConcurrentWorkers ? ", concurrent workers" : "")}");

        foreach (var step in scenario.Setup) run.Execute(step);
        world.Host.Load();
        world.Host.Settle();
        foreach (var step in scenario.Steps)
        {
            world.Host.AdvanceTo(world.Clock.StartUnixMs + step.AtMs);
            run.Execute(step);
            world.Host.Settle();
        }
        Invariants.Check(run);
        return new ScenarioResult(scenario, run.Checked, run.Failures, Render(scenario, transcript, run));
    }

    private static string Render(Scenario scenario, Transcript transcript, ScenarioRun run)
    {
        var text = new StringBuilder();
        text.AppendLine($"=== {scenario.Name}  ({scenario.Path})");
        text.Append(transcript);
        var result = new ScenarioResult(scenario, run.Checked, run.Failures, "");
        text.AppendLine(result.Verdict);
        foreach (var failure in run.Failures) text.AppendLine("  ✘ " + failure);
        return text.ToString();
    }
}
