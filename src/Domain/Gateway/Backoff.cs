namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// Reconnect delays: exponential from 2 s, capped at 5 min, with "equal jitter" (half fixed, half random) so many
/// users behind one dead network do not reconnect in step. A dead network therefore costs one attempt per user
/// every few minutes, never a connect storm (see docs/go-plugin-weaknesses.md, 'Reconnect storms and an unpinned gateway').
/// </summary>
public static class Backoff
{
    /// <summary>The cap on any delay.</summary>
    public const int MaxSeconds = 300;

    /// <summary>The delay before attempt number <paramref name="attempt"/> (1 = first retry), for jitter in [0, 1).</summary>
    public static int DelaySeconds(int attempt, double jitter)
    {
        var ceiling = attempt >= 9 ? MaxSeconds : Math.Min(MaxSeconds, 1 << Math.Max(1, attempt));
        var half = ceiling / 2.0;
        return Math.Max(1, (int)Math.Round(half + half * Math.Clamp(jitter, 0, 1)));
    }

    /// <summary>The delay after "too many sessions" (4015): long enough for orphaned sessions to time out.</summary>
    public static int TooManySessionsSeconds(double jitter) => MaxSeconds + (int)(60 * Math.Clamp(jitter, 0, 1));
}
