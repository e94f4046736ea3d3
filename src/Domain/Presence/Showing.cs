using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// Decides what a user's presence should show at a given instant, from what their players reported.
/// Rules:
/// - On a host that sends PlaybackReports, the owning player decides; NowPlaying is ignored.
/// - Otherwise the last NowPlaying decides, until a few seconds after its implied end.
/// - A paused track shows frozen, unless the pause mode is Clear or it has been paused longer than the timeout.
/// Time only matters through <paramref name="nowMs"/>, so the answer can change without any report; <see cref="NextChangeMs"/>
/// says when, so the shell can be woken then.
/// </summary>
public static class Showing
{
    /// <summary>What to show now, or null for nothing.</summary>
    public static NowShowing? At(PlaybackState playback, NowPlayingState nowPlaying, HostFacts host, PluginConfig config, long nowMs)
    {
        var session = Source(playback, nowPlaying, host);
        if (session is null) return null;
        if (!host.SendsPlaybackReports && nowMs >= NowPlayingEndMs(session)) return null;
        if (session.Paused && (config.Pause == PauseMode.Clear || nowMs >= PauseEndMs(session, config))) return null;
        return new NowShowing(session.Track, session.Paused, session.PositionMs, session.Rate, session.AnchorMs);
    }

    /// <summary>The next instant after <paramref name="nowMs"/> at which <see cref="At"/> changes by itself, if any.</summary>
    public static long? NextChangeMs(PlaybackState playback, NowPlayingState nowPlaying, HostFacts host, PluginConfig config, long nowMs)
    {
        var session = Source(playback, nowPlaying, host);
        if (session is null) return null;
        long? next = null;
        if (!host.SendsPlaybackReports) next = NowPlayingEndMs(session);
        if (session.Paused && config.Pause == PauseMode.Frozen && config.PauseTimeoutMinutes > 0)
            next = Math.Min(next ?? long.MaxValue, PauseEndMs(session, config));
        return next > nowMs ? next : null;
    }

    private static PlayerSession? Source(PlaybackState playback, NowPlayingState nowPlaying, HostFacts host) =>
        host.SendsPlaybackReports ? playback.OwnerSession : nowPlaying.Current;

    private static long NowPlayingEndMs(PlayerSession session)
    {
        var start = session.AnchorMs - (long)Math.Round(session.PositionMs / session.Rate);
        return session.Track.DurationMs > 0
            ? start + (long)Math.Round(session.Track.DurationMs / session.Rate) + NowPlayingState.EndGraceMs
            : session.AnchorMs + NowPlayingState.UnknownDurationShowMs;
    }

    private static long PauseEndMs(PlayerSession session, PluginConfig config) =>
        config.PauseTimeoutMinutes <= 0
            ? long.MaxValue
            : (session.PausedSinceMs ?? session.AnchorMs) + config.PauseTimeoutMinutes * 60_000L;
}
