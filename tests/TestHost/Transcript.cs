using System.Text;

namespace Navidrome.DiscordPresence.TestHost;

/// <summary>One line of what happened, at a scenario-relative virtual time, said by a party (navidrome, plugin, discord…).</summary>
public sealed record TranscriptLine(long ElapsedMs, string Party, string Text)
{
    public override string ToString() => $"[{VirtualClock.Format(ElapsedMs)}] {Party,-9} {Text}";
}

/// <summary>A thread-safe, readable record of a run: calls, frames, timers, logs, expectations.</summary>
public sealed class Transcript(VirtualClock clock)
{
    private readonly List<TranscriptLine> _lines = [];

    /// <summary>Adds a line at the current virtual time.</summary>
    public void Add(string party, string text)
    {
        lock (_lines) _lines.Add(new TranscriptLine(clock.ElapsedMs, party, text));
    }

    /// <summary>A copy of the lines so far.</summary>
    public IReadOnlyList<TranscriptLine> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in Lines) text.AppendLine(line.ToString());
        return text.ToString();
    }
}
