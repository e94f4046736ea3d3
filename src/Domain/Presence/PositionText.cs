namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>Positions as people read them on a player: "1:23", "12:05", "1:02:03".</summary>
public static class PositionText
{
    /// <summary>The clock text of <paramref name="ms"/> milliseconds (negative counts as 0).</summary>
    public static string Clock(long ms)
    {
        var total = Math.Max(0, ms) / 1000;
        var (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
        return hours > 0 ? $"{hours}:{minutes:00}:{seconds:00}" : $"{minutes}:{seconds:00}";
    }

    /// <summary>"Paused at 1:23 / 4:05", or "Paused at 1:23" when the duration is unknown.</summary>
    public static string PausedAt(long positionMs, long durationMs) =>
        durationMs > 0 ? $"Paused at {Clock(Math.Min(positionMs, durationMs))} / {Clock(durationMs)}" : $"Paused at {Clock(positionMs)}";
}
