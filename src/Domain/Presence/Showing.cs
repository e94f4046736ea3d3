using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// Decides what a user's presence should show at a given instant, from what their players reported.
/// Rules:
/// - On a host that sends PlaybackReports, the owning player decides; NowPlaying is ignored.
/// - Otherwise the last NowPlaying decides.
/// - A play counts as over a little after its implied end (5 s for NowPlaying, which has no stop signal; 10 s for
///   PlaybackReport, whose host normally says "expired" first, so this only matters when it cannot, e.g. after a
///   Navidrome restart lost its sessions). A play of unknown length shows for 15 minutes after its last report.
/// - A paused track shows frozen, unless the pause mode is Clear, the pause timeout passed, or 31 minutes went by
///   without a report (Navidrome itself expires a paused session after 30).
/// Time only matters through <paramref name="nowMs"/>, so the answer can change without any report; <see cref="NextChangeMs"/>
/// says when, so the shell can be woken then.
/// </summary>
public static class Showing
{
    /// <summary>Grace after the implied end of a PlaybackReport play.</summary>
    public const long ReportEndGraceMs = 10_000;

    /// <summary>How long a paused play is trusted without a new report.</summary>
    public const long PausedTrustMs = 31 * 60_000;

    /// <summary>What to show now, or null for nothing.</summary>
    public static NowShowing? At(PlaybackState playback, NowPlayingState nowPlaying, HostFacts host, PluginConfig config, long nowMs)
    {
        var session = Source(playback, nowPlaying, host);
        if (session is null || nowMs >= EndMs(session, host, config)) return null;
        if (session.Paused && config.Pause == PauseMode.Clear) return null;
        return new NowShowing(session.Track, session.Paused, session.PositionMs, session.Rate, session.AnchorMs, session.PlayerName);
    }

    /// <summary>The next instant after <paramref name="nowMs"/> at which <see cref="At"/> changes by itself, if any.</summary>
    public static long? NextChangeMs(PlaybackState playback, NowPlayingState nowPlaying, HostFacts host, PluginConfig config, long nowMs)
    {
        var session = Source(playback, nowPlaying, host);
        if (session is null || session.Paused && config.Pause == PauseMode.Clear) return null;
        var end = EndMs(session, host, config);
        return end > nowMs ? end : null;
    }

    private static PlayerSession? Source(PlaybackState playback, NowPlayingState nowPlaying, HostFacts host) =>
        host.SendsPlaybackReports ? playback.OwnerSession : nowPlaying.Current;

    /// <summary>When this play stops being shown, if nothing new is reported.</summary>
    private static long EndMs(PlayerSession session, HostFacts host, PluginConfig config)
    {
        if (session.Paused)
        {
            var trusted = session.AnchorMs + PausedTrustMs;
            return config.PauseTimeoutMinutes <= 0
                ? trusted
                : Math.Min(trusted, (session.PausedSinceMs ?? session.AnchorMs) + config.PauseTimeoutMinutes * 60_000L);
        }
        if (session.Track.DurationMs <= 0) return session.AnchorMs + NowPlayingState.UnknownDurationShowMs;
        var start = session.AnchorMs - (long)Math.Round(session.PositionMs / session.Rate);
        var grace = host.SendsPlaybackReports ? ReportEndGraceMs : NowPlayingState.EndGraceMs;
        return start + (long)Math.Round(session.Track.DurationMs / session.Rate) + grace;
    }
}
