using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// The last presence sent to Discord for a user and when recent ones went out, for de-duplication and the
/// presence rate limit (5 per 20 s per user, see docs/discord-gateway.md, 'Rate limits'). The core allows itself
/// <see cref="Budget"/> sends per window, one less than Discord's 5, so that even two callers racing to send
/// (a playback call and a READY, each in its own instance) stay within Discord's limit.
/// <see cref="Generation"/> is the connection the last presence went out on: a presence sent on an earlier
/// connection does not count as shown on the current one.
/// </summary>
public sealed record SentPresence(PresenceUpdate? LastSent, int Generation, EquatableArray<long> RecentMs)
{
    /// <summary>Nothing sent yet.</summary>
    public static readonly SentPresence None = new(null, 0, []);

    /// <summary>Presence updates allowed per <see cref="WindowMs"/>.</summary>
    public const int Budget = 4;

    /// <summary>The rate-limit window.</summary>
    public const long WindowMs = 20_000;

    /// <summary>How many updates went out in the window ending at <paramref name="nowMs"/>.</summary>
    public int SentWithin(long nowMs)
    {
        var count = 0;
        foreach (var at in RecentMs)
            if (at > nowMs - WindowMs) count++;
        return count;
    }

    /// <summary>When the next update may go out, given the window is full at <paramref name="nowMs"/>.</summary>
    public long NextAllowedMs(long nowMs)
    {
        var inWindow = RecentMs.Items.Where(at => at > nowMs - WindowMs).Order().ToArray();
        return inWindow.Length < Budget ? nowMs : inWindow[^Budget] + WindowMs;
    }

    /// <summary>Records a send on connection <paramref name="generation"/> at <paramref name="nowMs"/>, forgetting sends that left the window.</summary>
    public SentPresence Record(PresenceUpdate presence, int generation, long nowMs) =>
        new(presence, generation, [.. RecentMs.Items.Where(at => at > nowMs - WindowMs), nowMs]);
}
