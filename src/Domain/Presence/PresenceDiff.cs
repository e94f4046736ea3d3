using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// Whether a new presence is worth sending over the last one sent. Every field counts except the timestamps, which
/// count only when they moved by more than a tolerance: reports drift by a few hundred milliseconds, and re-sending
/// for that would spend the rate limit on nothing. A seek moves them by more.
/// </summary>
public static class PresenceDiff
{
    /// <summary>How far implied start or end may drift before the presence counts as changed.</summary>
    public const long DefaultToleranceMs = 2000;

    /// <summary>True when <paramref name="next"/> differs from <paramref name="lastSent"/> in a way Discord should see.</summary>
    public static bool Differs(PresenceUpdate? lastSent, PresenceUpdate next, long toleranceMs = DefaultToleranceMs)
    {
        if (lastSent is null) return true;
        if (lastSent.Status != next.Status || lastSent.Activities.Count != next.Activities.Count) return true;
        for (var i = 0; i < next.Activities.Count; i++)
            if (Differs(lastSent.Activities[i], next.Activities[i], toleranceMs)) return true;
        return false;
    }

    private static bool Differs(Activity a, Activity b, long toleranceMs) =>
        a with { Timestamps = null } != b with { Timestamps = null } || TimestampsDiffer(a.Timestamps, b.Timestamps, toleranceMs);

    private static bool TimestampsDiffer(ActivityTimestamps? a, ActivityTimestamps? b, long toleranceMs)
    {
        if (a is null || b is null) return a is null != b is null;
        return Moved(a.Start, b.Start, toleranceMs) || Moved(a.End, b.End, toleranceMs);
    }

    private static bool Moved(long? a, long? b, long toleranceMs) =>
        a is null || b is null ? a is null != b is null : Math.Abs(a.Value - b.Value) > toleranceMs;
}
