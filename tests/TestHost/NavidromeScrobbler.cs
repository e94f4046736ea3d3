using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost;

/// <summary>
/// What Navidrome's scrobbler workers do when a client reports playback (docs/navidrome-host.md, 'Which calls arrive, and from where'):
/// 0.62+ calls is_authorized then playback_report for every report, and also is_authorized then now_playing for
/// starting/playing; 0.60/0.61 knows only NowPlaying (position in seconds). Users the admin did not grant never
/// reach the plugin. Without <see cref="NavidromeWorkers"/> the calls are made at once, one after the other; with
/// them they are queued to Navidrome's two independent workers.
/// </summary>
public sealed class NavidromeScrobbler(NavidromeTestHost host, NavidromeWorkers? workers = null)
{
    /// <summary>A client's report: state is starting, playing, paused, stopped or expired.</summary>
    public void Report(string user, TrackInfo track, string state, long positionMs, double rate = 1, string playerId = "player-1", string playerName = "Web")
    {
        if (!Granted(user)) return;
        host.Transcript.Add("navidrome", $"{user} {state} \"{track.Title}\" at {VirtualClock.Format(positionMs)} on {playerName} ({playerId})");
        var timestamp = host.Clock.NowMs / 1000;
        void PlaybackReport()
        {
            if (!Authorized(user)) return;
            host.CallPlugin("nd_scrobbler_playback_report", new JsonObject
            {
                ["username"] = user,
                ["track"] = track.ToJson(),
                ["state"] = state,
                ["positionMs"] = positionMs,
                ["playbackRate"] = rate,
                ["playerId"] = playerId,
                ["playerName"] = playerName,
                ["timestamp"] = timestamp,
            });
        }
        void NowPlayingCall() => NowPlaying(user, track, positionMs / 1000, quiet: true);

        var nowPlaying = state is "starting" or "playing";
        if (host.Options.Version == NavidromeVersion.V062)
        {
            if (workers is null) PlaybackReport();
            else workers.EnqueueReport(PlaybackReport);
        }
        if (!nowPlaying) return;
        if (workers is null) NowPlayingCall();
        else workers.EnqueueNowPlaying(playerId, NowPlayingCall);
    }

    /// <summary>A NowPlaying call on its own (a legacy scrobble?submission=false).</summary>
    public void NowPlaying(string user, TrackInfo track, long positionSeconds, bool quiet = false)
    {
        if (!Granted(user)) return;
        if (!quiet) host.Transcript.Add("navidrome", $"{user} now playing \"{track.Title}\" at {positionSeconds} s");
        if (Authorized(user))
            host.CallPlugin("nd_scrobbler_now_playing", new JsonObject { ["username"] = user, ["track"] = track.ToJson(), ["position"] = positionSeconds });
    }

    private bool Granted(string user) => host.Options.Users.Any(u => u.UserName == user);

    private bool Authorized(string user)
    {
        var result = host.CallPlugin("nd_scrobbler_is_authorized", new JsonObject { ["username"] = user });
        return result.Succeeded && System.Text.Encoding.UTF8.GetString(result.Output).Trim() == "true";
    }
}
