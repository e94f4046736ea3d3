using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// The last presence sent to Discord for a user and when recent ones went out, for de-duplication and the
/// presence rate limit (5 per 20 s per user, see docs/discord-gateway.md, 'Rate limits'). The core allows itself
/// <see cref="Budget"/> sends per window, one less than Discord's 5. The window is enforced across racing calls by
/// slots, not by this record: each update first takes one of <see cref="Budget"/> presence slots, one-time schedules
/// that live <see cref="SlotSeconds"/> (GatewaySession.Claims.cs); this record's count only saves the host calls
/// of trying when the window is known to be full.
/// <see cref="Generation"/> is the connection the last presence went out on: a presence sent on an earlier
/// connection does not count as shown on the current one. <see cref="NextSlot"/> is the slot to try first next
/// time (the oldest one this user took). <see cref="FromMs"/> is how new the playback was that the last presence
/// was composed from (<see cref="UserState.PlaybackAsOfMs"/>): a call that read older playback never sends over it.
/// </summary>
public sealed record SentPresence(PresenceUpdate? LastSent, int Generation, EquatableArray<long> RecentMs, int NextSlot = 0, long FromMs = 0)
{
    /// <summary>Nothing sent yet.</summary>
    public static readonly SentPresence None = new(null, 0, []);

    /// <summary>Presence updates allowed per <see cref="WindowMs"/>.</summary>
    public const int Budget = 4;

    /// <summary>Discord's rate-limit window.</summary>
    public const long WindowMs = 20_000;

    /// <summary>
    /// How long a presence slot stays taken: the window and a second more, so that two updates through one slot are
    /// more than a window apart even when the first went out a little after its slot was taken.
    /// </summary>
    public const int SlotSeconds = (int)(WindowMs / 1000) + 1;

    /// <summary>The span the local count covers: as long as a slot lives, so a free slot is what the count expects.</summary>
    private const long CountedMs = SlotSeconds * 1000L;

    /// <summary>How many updates went out in the span ending at <paramref name="nowMs"/>.</summary>
    public int SentWithin(long nowMs)
    {
        var count = 0;
        foreach (var at in RecentMs)
            if (at > nowMs - CountedMs) count++;
        return count;
    }

    /// <summary>When the next update may go out, given the window is full at <paramref name="nowMs"/>.</summary>
    public long NextAllowedMs(long nowMs)
    {
        var inWindow = RecentMs.Items.Where(at => at > nowMs - CountedMs).Order().ToArray();
        return inWindow.Length < Budget ? nowMs : inWindow[^Budget] + CountedMs;
    }

    /// <summary>The slot to try first, whatever was stored.</summary>
    public int FirstSlot => (NextSlot % Budget + Budget) % Budget;

    /// <summary>
    /// Records a send on connection <paramref name="generation"/> at <paramref name="nowMs"/>, composed from playback
    /// as of <paramref name="fromMs"/>, forgetting sends that left the window.
    /// </summary>
    public SentPresence Record(PresenceUpdate presence, int generation, long nowMs, long fromMs) =>
        this with { LastSent = presence, Generation = generation, RecentMs = [.. RecentMs.Items.Where(at => at > nowMs - CountedMs), nowMs], FromMs = Math.Max(FromMs, fromMs) };
}
