using Navidrome.DiscordPresence.Domain.Artwork;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain;

/// <summary>
/// What the per-track lookups (Spotify link, year and genre) share: they concern the track in focus only when its
/// shared entry was loaded for this decision, and they run in a one-time timer call of their own (its id, made of
/// the entry key's number and the user, keeps duplicates out), never on Navidrome's playback worker.
/// </summary>
public static class TrackLookup
{
    /// <summary>The track in focus and its key's number, when the loaded entry (<paramref name="loadedKey"/>) is that track's.</summary>
    public static (Track Track, long Number)? InFocus(UserState state, PluginConfig config, long nowMs, Func<Track, string?> keyOf, string? loadedKey)
    {
        var track = Showing.At(state.Playback, state.NowPlaying, state.Host, config, nowMs)?.Track;
        var key = track is null ? null : keyOf(track);
        return track is null || key is null || key != loadedKey ? null : (track, AlbumKey.Number(key));
    }

    /// <summary>True when <paramref name="input"/> is the lookup timer of this kind for this entry.</summary>
    public static bool IsTimer(Input input, TimerKind kind, long number) =>
        input is Input.TimerFired t && GatewayIds.TryParseSchedule(t.ScheduleId, out var fired, out var n, out _) && fired == kind && n == number;

    /// <summary>Nothing while the entry is valid; else arms the lookup timer (at once; an armed one stays).</summary>
    public static Step ScheduleUnlessKnown(UserState state, bool known, TimerKind kind, long number, string user)
    {
        if (known) return new Step(state, []);
        var id = GatewayIds.Schedule(kind, number, user);
        return new Step(state, [new Effect.ScheduleOnce(id, 0, id)]);
    }
}
