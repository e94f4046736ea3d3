using System.Text;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Services;

namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>
/// Replays a scenario: builds the world (fake Discord and web services, the test host with the scenario's config
/// and Navidrome version), loads the plugin at time 0, then for each step moves the virtual clock to the step's
/// time (firing every schedule due on the way), carries the step out and lets the network settle. Expectations
/// are checked where they stand; the invariants every run must keep are checked at the end.
/// A chaos run (<see cref="ChaosMonkey"/>) replays the scenario twice: once faithfully, then with jitter and
/// injected host failures; both end with a quiet tail, and what must hold is that the plugin recovers (see
/// <see cref="CheckRecovered"/>), not each step's expectation (those are reported as tolerated).
/// </summary>
public static class ScenarioRunner
{
    /// <summary>How long a chaos run waits, with no more faults and no more inputs, for the plugin to recover.</summary>
    public static readonly TimeSpan ChaosQuietTail = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Replays <paramref name="scenario"/>; <paramref name="concurrentWorkers"/> forces Navidrome's concurrent workers
    /// on; <paramref name="chaosSeed"/> makes it a chaos run with that seed.
    /// </summary>
    public static ScenarioResult Run(Scenario scenario, IPluginRunner runner, bool concurrentWorkers = false, int? chaosSeed = null)
    {
        if (chaosSeed is not { } seed) return Replay(scenario, runner, concurrentWorkers, null, null).Result;
        var faithful = Replay(scenario, runner, concurrentWorkers, null, null, quietTail: true).FinalPresences;
        return Replay(scenario, runner, concurrentWorkers: true, new ChaosMonkey(seed), faithful, quietTail: true).Result;
    }

    private static (ScenarioResult Result, IReadOnlyDictionary<string, FinalPresence> FinalPresences) Replay(
        Scenario scenario, IPluginRunner runner, bool concurrentWorkers, ChaosMonkey? chaos, IReadOnlyDictionary<string, FinalPresence>? faithfulPresences, bool quietTail = false)
    {
        var options = new HostOptions
        {
            Users = [.. scenario.GrantedUsers.Select(u => new NavidromeUser(u, u, false))],
            Version = scenario.Version,
            FixedRandom = scenario.FixedRandom,
            PublicBaseUrl = scenario.PublicBaseUrl ?? "http://localhost",
            ConcurrentWorkers = concurrentWorkers || scenario.ConcurrentWorkers,
            Chaos = chaos,
        };
        // The plugin's own manifest decides permissions and allowed hosts, as in Navidrome.
        if (PluginManifest.Find(Path.GetDirectoryName(Path.GetFullPath(scenario.Path)) ?? ".") is { } manifest)
            options = PluginManifest.Apply(manifest, options);
        using var world = new TestWorld(runner, options, scenario.ConfigJson);
        foreach (var track in scenario.Tracks.Values) world.Host.Library.Add(track);
        var run = new ScenarioRun(world, scenario) { ToleratesFailedExpectations = chaos is not null };
        var transcript = world.Transcript;
        transcript.Add("scenario", $"{scenario.Name} — Navidrome {(scenario.Version == NavidromeVersion.V062 ? "0.62+" : "0.61")}, users {string.Join(", ", scenario.GrantedUsers)}{(options.ConcurrentWorkers ? ", concurrent workers" : "")}{(chaos is null ? "" : $", chaos seed {chaos.Seed}")}");

        foreach (var step in scenario.Setup) run.Execute(step);
        world.Host.Load();
        world.Host.Settle();
        foreach (var step in scenario.Steps)
        {
            world.Host.AdvanceTo(world.Clock.StartUnixMs + step.AtMs);
            run.Execute(step);
            world.Host.Settle();
        }
        if (quietTail)
        {
            if (chaos is not null)
            {
                chaos.Injecting = false;
                transcript.Add("chaos", $"faults stop (injected: {Describe(chaos.Injected)}); quiet for {ChaosQuietTail.TotalMinutes:0} min");
            }
            world.Host.Advance(ChaosQuietTail);
        }
        run.ToleratesFailedExpectations = false;
        if (faithfulPresences is not null) CheckRecovered(run, faithfulPresences);
        Invariants.Check(run);
        // A known bug shows as a failed step expectation, which a chaos run only notes: judge it like any scenario.
        var judged = chaos is null ? scenario : scenario with { KnownBug = null };
        var result = new ScenarioResult(judged, run.Checked, run.Failures, Render(judged, transcript, run), chaos?.Seed);
        return (result, FinalPresences(world, scenario));
    }

    /// <summary>
    /// What a chaos run must reach once the faults and inputs stop: each user's Discord shows the track (or the
    /// clear) the faithful replay shows at the same instant, and no connection was identified twice (Discord's
    /// close 4005). Lost extras (cover art, links: an HTTP lookup that timed out is not retried) are only noted.
    /// </summary>
    private static void CheckRecovered(ScenarioRun run, IReadOnlyDictionary<string, FinalPresence> faithfulPresences)
    {
        var final = FinalPresences(run.World, run.Scenario);
        foreach (var (user, wanted) in faithfulPresences)
        {
            var got = final[user];
            run.Check(got.Track == wanted.Track, $"chaos: {user}'s Discord shows the desired track after the quiet tail",
                got.Track == wanted.Track ? "" : $"shows {got.Track}, a faithful replay shows {wanted.Track}");
            run.ToleratesFailedExpectations = true;
            run.Check(got.Everything == wanted.Everything, $"chaos: {user}'s presence has the same extras (art, links) as a faithful replay",
                got.Everything == wanted.Everything ? "" : $"shows {got.Everything}, a faithful replay shows {wanted.Everything}");
            run.ToleratesFailedExpectations = false;
        }
        var identifiedTwice = run.World.Discord.Connections.Count(c => c.End?.Code == 4005);
        run.Check(identifiedTwice == 0, "chaos: never a second identify on one connection (close 4005)", $"{identifiedTwice} connections");
    }

    /// <summary>
    /// What a user's Discord shows: the track part (details and state of every session Discord still holds, or
    /// "nothing" — a clear and no presence at all look the same on a profile) and every text.
    /// </summary>
    private sealed record FinalPresence(string Track, string Everything);

    private static Dictionary<string, FinalPresence> FinalPresences(TestWorld world, Scenario scenario) =>
        scenario.GrantedUsers.Distinct().ToDictionary(user => user, user =>
        {
            var shown = world.Discord.Shown(user);
            var showing = shown.Where(p => !p.IsClear).ToList();
            if (showing.Count == 0) return new FinalPresence("nothing", shown.Count == 0 ? "none" : "clear");
            return new FinalPresence(
                string.Join(" + ", showing.Select(p => string.Join(" | ", p.Activities.Select(a => $"{a["details"]} / {a["state"]}")))),
                string.Join(" + ", showing.Select(p => $"\"{p.Text}\"")));
        });

    private static string Describe(IReadOnlyDictionary<string, int> injected) =>
        injected.Count == 0 ? "none" : string.Join(", ", injected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} ×{p.Value}"));

    private static string Render(Scenario scenario, Transcript transcript, ScenarioRun run)
    {
        var text = new StringBuilder();
        text.AppendLine($"=== {scenario.Name}  ({scenario.Path})");
        text.Append(transcript);
        var result = new ScenarioResult(scenario, run.Checked, run.Failures, "");
        text.AppendLine(result.Verdict);
        foreach (var failure in run.Failures) text.AppendLine("  ✘ " + failure);
        foreach (var tolerated in run.Tolerated) text.AppendLine("  ~ tolerated under chaos: " + tolerated);
        return text.ToString();
    }
}
