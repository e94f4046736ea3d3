namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>How a scenario run ended: the verdict, each failure, and the whole transcript.</summary>
public sealed record ScenarioResult(Scenario Scenario, int Checked, IReadOnlyList<string> Failures, string Transcript)
{
    public bool Passed => Failures.Count == 0;

    public string Verdict => Passed
        ? $"PASS  {Scenario.Name} ({Checked} checks)"
        : $"FAIL  {Scenario.Name} ({Failures.Count} of {Checked} checks failed)";
}
