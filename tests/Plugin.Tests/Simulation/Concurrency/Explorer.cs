using System.Diagnostics;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// A survey rather than a test: <c>DRP_SIM_EXPLORE=N</c> plays N generated sequences × the interleavings of
/// <see cref="SimulationBudget"/>, with and without faults, and prints how often each rule broke, with the first
/// example of each. Skipped unless the variable is set.
/// </summary>
public class Explorer(ITestOutputHelper output)
{
    [SkippableFact]
    public void Survey()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("DRP_SIM_EXPLORE"), out var n) ? n : 0;
        Skip.If(count == 0, "set DRP_SIM_EXPLORE to the number of sequences to survey");
        var sequences = TrialCatalog.CrowdedSequence.Sample(40, count);
        var firstSeed = int.TryParse(Environment.GetEnvironmentVariable("DRP_SIM_SEED"), out var s) ? s : 1;
        foreach (var faults in new[] { false, true })
        {
            var tally = new Dictionary<string, (int Count, string Example)>();
            var (trials, picks, calls) = (0, 0L, 0L);
            var clock = Stopwatch.StartNew();
            foreach (var (events, index) in sequences.Select((e, i) => (e, i)))
                foreach (var seed in Enumerable.Range(firstSeed + index * 100, SimulationBudget.Interleavings))
                {
                    var trial = Trial.Play(events, seed, faults);
                    trials++;
                    picks += trial.Run.Interleaver.Picks;
                    calls += trial.Run.Host.PluginCalls;
                    foreach (var (rule, found) in new[]
                             {
                                 ("crash", trial.Crashes), ("discord rules", trial.DiscordRules), ("false zombie", trial.FalseZombieCloses),
                                 ("token leak", trial.TokenLeaks), ("soon", trial.Soon), ("eventually", trial.Eventually),
                                 ("stand down", trial.StandDown), ("orphan", trial.Orphans), ("timed out", trial.Silent),
                             })
                    {
                        if (found.Count == 0) continue;
                        var key = $"{rule}: {Category(found[0])}";
                        tally[key] = tally.TryGetValue(key, out var t) ? (t.Count + 1, t.Example) : (1, trial.Describe(found));
                    }
                }
            output.WriteLine($"== faults {faults}: {trials} trials, {picks / Math.Max(1, trials)} yield points and {calls / Math.Max(1, trials)} plugin calls per run, {clock.Elapsed.TotalSeconds:0.0} s");
            foreach (var (key, (c, example)) in tally.OrderByDescending(t => t.Value.Count))
                output.WriteLine($"{c,4} × {key}\n      {example.Replace("\n", "\n      ", StringComparison.Ordinal)}");
        }
    }

    /// <summary><c>DRP_SIM_CASE="seed|faults|events"</c>: replays one case and prints every host call of the interleaved run.</summary>
    [SkippableFact]
    public void Trace()
    {
        var spec = Environment.GetEnvironmentVariable("DRP_SIM_CASE");
        Skip.If(string.IsNullOrEmpty(spec), "set DRP_SIM_CASE to seed|faults|events");
        var parts = spec.Split('|');
        var trial = Trial.Play(EventText.Parse(parts[2]), int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), bool.Parse(parts[1]), trace: true);
        output.WriteLine(trial.Describe([.. trial.DiscordRules, .. trial.FalseZombieCloses, .. trial.Soon, .. trial.Eventually, .. trial.StandDown, .. trial.Orphans, .. trial.Silent, .. trial.Crashes]));
        output.WriteLine("run store: " + trial.Run.Host.DescribeStore());
        output.WriteLine("reference store: " + trial.Reference.Host.DescribeStore());
        foreach (var line in trial.Run.Host.Trace!) output.WriteLine(line);
        output.WriteLine("==== the reference run");
        foreach (var line in trial.Reference.Host.Trace!) output.WriteLine(line);
    }

    /// <summary><c>DRP_SIM_HUNT="faults|events"</c>: tries seeds 1–400 on one sequence and prints the first few with findings.</summary>
    [SkippableFact]
    public void Hunt()
    {
        var spec = Environment.GetEnvironmentVariable("DRP_SIM_HUNT");
        Skip.If(string.IsNullOrEmpty(spec), "set DRP_SIM_HUNT to faults|events");
        var parts = spec.Split('|');
        var (faults, events, found) = (bool.Parse(parts[0]), EventText.Parse(parts[1]), 0);
        for (var seed = 1; seed <= 400 && found < 8; seed++)
        {
            var trial = Trial.Play(events, seed, faults);
            List<string> all = [.. trial.DiscordRules, .. trial.FalseZombieCloses, .. trial.Soon, .. trial.Eventually, .. trial.StandDown, .. trial.Orphans, .. trial.Silent, .. trial.Crashes];
            if (all.Count == 0) continue;
            found++;
            output.WriteLine(trial.Describe(all));
        }
    }

    private static string Category(string finding)
    {
        var text = finding.Contains("): ", StringComparison.Ordinal) ? finding[(finding.IndexOf("): ", StringComparison.Ordinal) + 3)..] : finding;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < 40 ? text[..colon] : text[..Math.Min(60, text.Length)];
    }
}
