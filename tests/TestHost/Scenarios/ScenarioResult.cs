namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>How a scenario run ended: the verdict, each failure, and the whole transcript (and the chaos seed, if any).</summary>
public sealed record ScenarioResult(Scenario Scenario, int Checked, IReadOnlyList<string> Failures, string Transcript, int? ChaosSeed = null)
{
    private string Seed => ChaosSeed is { } seed ? $" [chaos seed {seed}]" : "";

    public bool Passed => Failures.Count == 0;

    public string Verdict => (Passed, Scenario.KnownBug) switch
    {
        (true, null) => $"PASS  {Scenario.Name} ({Checked} checks){Seed}",
        (true, _) => $"FIXED {Scenario.Name} ({Checked} checks){Seed}: the known bug no longer shows; remove its known-bug line",
        (false, null) => $"FAIL  {Scenario.Name} ({Failures.Count} of {Checked} checks failed){Seed}",
        (false, var bug) => $"KNOWN {Scenario.Name} ({Failures.Count} of {Checked} checks failed, known plugin bug: {bug}){Seed}",
    };

    /// <summary>What counts as a failed run: a failing scenario without a known bug, or a known bug that is gone.</summary>
    public bool Unexpected => Passed == (Scenario.KnownBug is not null);
}
