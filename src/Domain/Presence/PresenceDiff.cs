using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Presence;

// Interim minimal version; replaced by the presence branch.
public static class PresenceDiff
{
    public static bool Differs(PresenceUpdate? lastSent, PresenceUpdate next, long toleranceMs = 2000)
    {
        if (lastSent is null) return true;
        if (lastSent.IsClear || next.IsClear) return lastSent.IsClear != next.IsClear || lastSent.Status != next.Status;
        var a = lastSent.Activities[0]; var b = next.Activities[0];
        if (a with { Timestamps = null } != b with { Timestamps = null } || lastSent.Status != next.Status) return true;
        if ((a.Timestamps is null) != (b.Timestamps is null)) return true;
        if (a.Timestamps is null || b.Timestamps is null) return false;
        return Math.Abs((a.Timestamps.Start ?? 0) - (b.Timestamps.Start ?? 0)) > toleranceMs || Math.Abs((a.Timestamps.End ?? 0) - (b.Timestamps.End ?? 0)) > toleranceMs;
    }
}
