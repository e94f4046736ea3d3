namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// One event sequence run twice: interleaved by a seed (with the seed's faults, if asked) and, as the reference,
/// one call after another without faults. Then, with faults off and Discord cooperative: a quiet minute (the
/// "soon" comparison: the latest input is shown), fifteen quiet minutes in which timers fire, then each user's last
/// scrobbler event once more and another minute (the "eventual" comparison: every user is alive again, and a new
/// report reaches Discord). Each finding is a line naming the rule, the user and what differed.
/// </summary>
public sealed class Trial
{
    public const int SoonSeconds = 60;
    public const int TailSeconds = 15 * 60;

    private Trial(WorldEvent[] events, int seed, bool faults, bool trace, bool decorated)
    {
        Events = events;
        Seed = seed;
        Decorated = decorated;
        Run = new ConcurrentWorld(seed, interleave: true, faults, decorated);
        Reference = new ConcurrentWorld(seed, interleave: false, faults: false, decorated);
        if (!trace) return;
        Run.Host.Trace = [];
        Reference.Host.Trace = [];
    }

    public WorldEvent[] Events { get; }
    public int Seed { get; }
    public bool Decorated { get; }
    public ConcurrentWorld Run { get; }
    public ConcurrentWorld Reference { get; }

    public List<string> Crashes { get; } = [];
    public List<string> DiscordRules { get; } = [];
    public List<string> FalseZombieCloses { get; } = [];
    public List<string> TokenLeaks { get; } = [];
    public List<string> Soon { get; } = [];
    public List<string> Eventually { get; } = [];
    public List<string> StandDown { get; } = [];
    public List<string> Orphans { get; } = [];
    public List<string> RecurringTooOften { get; } = [];

    /// <summary>Connections Discord closed because no heartbeat came: without host faults, a connection the plugin lost track of.</summary>
    public List<string> Silent { get; } = [];

    /// <summary>
    /// The longest another player's Listening activity and ours may show together: the clear that stands down takes
    /// a presence slot like any update, so it may wait out the rate window (a slot lives 21 s), then a flush timer's
    /// whole second.
    /// </summary>
    public const long MostListeningTogetherMs = 23_000;

    public static Trial Play(WorldEvent[] events, int seed, bool faults, bool trace = false, bool decorated = false)
    {
        var trial = new Trial(events, seed, faults, trace, decorated);
        trial.Judge();
        return trial;
    }

    private void Judge()
    {
        foreach (var world in new[] { Run, Reference })
        {
            world.Run(Events);
            world.Quiet(SoonSeconds);
        }
        Compare(Soon, ignoreImages: Run.Faults.On.Count > 0);
        foreach (var world in new[] { Run, Reference })
        {
            world.Quiet(TailSeconds);
            world.RepeatLastScrobbles();
            world.Quiet(SoonSeconds);
        }
        Compare(Eventually, ignoreImages: Run.Faults.On.Count > 0);

        Crashes.AddRange(Run.Interleaver.Crashes.Concat(Reference.Interleaver.Crashes).Select(e => e.Message));
        DiscordRules.AddRange(Run.Discord.Violations);
        FalseZombieCloses.AddRange(Run.Discord.FalseZombieCloses);
        foreach (var (world, name) in new[] { (Run, "run"), (Reference, "reference run") })
        {
            foreach (var (user, from, to) in world.Discord.ListeningTogetherUntilNow().Where(t => t.ToMs - t.FromMs > MostListeningTogetherMs))
                StandDown.Add($"{user} ({name}): ours showed next to another player's Listening activity for {(to - from) / 1000} s from +{(from - ConcurrentWorld.StartMs) / 1000} s");
            Orphans.AddRange(world.UnknownConnections().Select(c => $"{name}: {c}"));
            RecurringTooOften.AddRange(world.Host.RecurringTooOften.Select(c => $"{name}: {c}"));
            Silent.AddRange(world.Discord.TimedOut.Select(c => $"{name}: Discord timed out {c}"));
        }
        foreach (var user in ConcurrentWorld.Users)
        {
            var token = ConcurrentWorld.TokenOf(user);
            var pieces = new[] { token, token[..16], token[^16..] };
            foreach (var text in Run.Host.Texts.Concat(Reference.Host.Texts))
                if (pieces.Any(p => text.Contains(p, StringComparison.Ordinal))) TokenLeaks.Add($"{user}'s token in: {text}");
        }
    }

    private void Compare(List<string> into, bool ignoreImages)
    {
        foreach (var user in ConcurrentWorld.Users)
            if (ShownPresence.Difference(Reference.Discord.Shown(user), Run.Discord.Shown(user), ignoreImages) is { } difference)
                into.Add($"{user} at +{(Run.NowMs - ConcurrentWorld.StartMs) / 1000} s: {difference}");
    }

    /// <summary>What a failing property prints: everything needed to pin the case.</summary>
    public string Describe(IEnumerable<string> findings) =>
        $"{string.Join(" | ", findings.Take(3))}\n  {Run.Describe()}{(Decorated ? ", every lookup on (decorated)" : "")}\n  pin: [InlineData({Seed}, {(Run.Faults.On.Count > 0 ? "true" : "false")}, \"{EventText.Format(Events)}\")]\n" +
        $"  shown: {string.Join(", ", ConcurrentWorld.Users.Select(u => $"{u} {ShownPresence.Summary(Run.Discord.Shown(u))} (reference {ShownPresence.Summary(Reference.Discord.Shown(u))})"))}\n" +
        $"  warnings: {string.Join(" / ", Run.Host.Warnings.Take(6))}";
}
