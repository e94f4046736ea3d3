namespace Navidrome.DiscordPresence.Domain.Playback;

/// <summary>How a NowPlaying call changes a user's NowPlaying state: it is always "playing", on one unnamed player.</summary>
public static class NowPlayingRules
{
    /// <summary>The state after NowPlaying reported <paramref name="track"/> at <paramref name="positionMs"/>, received at <paramref name="nowMs"/>.</summary>
    public static NowPlayingState Apply(NowPlayingState state, Track track, long positionMs, long nowMs)
    {
        var previous = state.Current;
        var started = previous is null || previous.Track.Id != track.Id ? nowMs : previous.StartedMs;
        return state with { Current = new PlayerSession("", "", track, false, Math.Max(0, positionMs), 1.0, nowMs, started, null) };
    }
}
