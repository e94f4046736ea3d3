using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Sdk;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// The generated cases every concurrency property judges: <see cref="SimulationBudget.Sequences"/> event sequences
/// from <see cref="LivenessSequence"/> and <see cref="CrowdedSequence"/> in turn (sizes 16 to 60, drawn from <see cref="SimulationBudget.Seed"/>), each run under
/// <see cref="SimulationBudget.Interleavings"/> seeds. A trial is played once and judged by every property, so adding
/// an invariant costs no runs. A failing property shrinks its case (shorter prefixes, same seed) and prints the
/// seed and the sequence as an <c>InlineData</c> line to pin.
/// </summary>
public sealed class TrialCatalog(bool faults, bool decorated = false)
{
    public static readonly TrialCatalog Calm = new(faults: false);
    public static readonly TrialCatalog Faulty = new(faults: true);

    /// <summary>
    /// Without faults, with every lookup on (<see cref="ConcurrentWorld"/>'s <c>decorated</c>): a track change starts the
    /// art, link and song lookups at one instant, whose answers race. Half the sequences, to keep the suite short.
    /// </summary>
    public static readonly TrialCatalog Decorated = new(faults: false, decorated: true);

    /// <summary>
    /// Sequences whose Discord events all leave a good token usable: 4004 and 4010–4014 end a user's presence for
    /// good (by design), so a run where such a close hit another connection than in the reference run would differ
    /// for a reason that is not the plugin's fault. The World's own host faults (a refused or lost schedule) are left
    /// out too: here the <see cref="FaultPlan"/> injects them, and the reference run has none.
    /// </summary>
    public static readonly Gen<WorldEvent[]> LivenessSequence =
        WorldGen.Sequence.Select(events => events.Where(e => e is not (WorldEvent.CloseWith { Code: 4004 or (>= 4010 and <= 4014) }
            or WorldEvent.FailNextSchedule or WorldEvent.LoseNextTimer)).ToArray());

    /// <summary>
    /// The same events, crowded: every other <see cref="WorldEvent.Advance"/> dropped and the rest cut to 1–4 s, so
    /// batches are larger (more calls overlap) and many presence updates fall into one 20 s window.
    /// </summary>
    public static readonly Gen<WorldEvent[]> CrowdedSequence =
        LivenessSequence.Select(events => events
            .Where((e, i) => e is not WorldEvent.Advance || i % 2 == 1)
            .Select(e => e is WorldEvent.Advance a ? new WorldEvent.Advance(1 + a.Seconds % 4) : e)
            .ToArray());

    private readonly Lazy<IReadOnlyList<Trial>> trials = new(() => Play(faults, decorated));

    public bool Faults { get; } = faults;

    public IReadOnlyList<Trial> Trials => trials.Value;

    /// <summary>The event sequences of this budget, the same for every property and run.</summary>
    public static IReadOnlyList<WorldEvent[]> Sequences(int count) =>
        [.. Enumerable.Range(0, count)
            .Select(i => (i % 2 == 0 ? LivenessSequence : CrowdedSequence).Sample(16 + i * 13 % 45, new Rnd((ulong)(SimulationBudget.Seed * 1000 + i), 0x9E3779B97F4A7C15UL), 1)[0])];

    private static Trial[] Play(bool faults, bool decorated)
    {
        var sequences = Sequences(decorated ? Math.Max(1, SimulationBudget.Sequences / 2) : SimulationBudget.Sequences);
        var cases = sequences.SelectMany((events, i) => Enumerable.Range(0, SimulationBudget.Interleavings).Select(k => (events, Seed: SimulationBudget.Seed * 1_000_003 + i * 100 + k)));
        var results = new ConcurrentBag<(int Order, Trial Trial)>();
        // Two at a time: each trial runs one fiber at a time, so two use the two cores.
        Parallel.ForEach(cases.Select((c, order) => (c.events, c.Seed, order)), new ParallelOptions { MaxDegreeOfParallelism = 2 },
            c => results.Add((c.order, Trial.Play(c.events, c.Seed, faults, decorated: decorated))));
        return [.. results.OrderBy(r => r.Order).Select(r => r.Trial)];
    }

    /// <summary>Fails with a pinnable case when any trial has findings.</summary>
    public void Holds(Func<Trial, IEnumerable<string>> findings)
    {
        var crashed = Trials.FirstOrDefault(t => t.Crashes.Count > 0);
        if (crashed is not null) throw new XunitException("the simulation crashed: " + crashed.Describe(crashed.Crashes));
        var failing = Trials.Where(t => findings(t).Any()).ToList();
        if (failing.Count == 0) return;
        var shortest = Shrink(failing[0], findings);
        throw new XunitException($"{failing.Count} of {Trials.Count} trials failed; the first, shrunk to {shortest.Events.Length} of {failing[0].Events.Length} events:\n" +
            shortest.Describe(findings(shortest)));
    }

    /// <summary>Greedy: the shortest prefix (halves, then one event less) that still fails with the same seed; at most a dozen replays.</summary>
    private Trial Shrink(Trial trial, Func<Trial, IEnumerable<string>> findings)
    {
        for (var budget = 12; budget > 0;)
        {
            var n = trial.Events.Length;
            Trial? shorter = null;
            foreach (var length in new[] { n / 2, n * 3 / 4, n - 1 }.Where(l => l >= 0 && l < n).Distinct())
            {
                if (budget-- <= 0) break;
                var candidate = Trial.Play(trial.Events[..length], trial.Seed, Faults, decorated: decorated);
                if (!findings(candidate).Any()) continue;
                shorter = candidate;
                break;
            }
            if (shorter is null) return trial;
            trial = shorter;
        }
        return trial;
    }
}
