using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Playback;

/// <summary>
/// How reports change a user's players (issue: several players per user).
/// - The player that most recently started playing (new track, or resumed from pause) owns the presence.
/// - A pause, stop or expiry from a player that does not own the presence never clears or overrides it.
/// - When the owner stops or expires, ownership passes to the other player that most recently started and is
///   still playing; if none is, nobody owns the presence and it clears.
/// - "starting" counts as playing: it is the moment a player starts a track, so it takes ownership then.
/// Ignored players are filtered out before these rules run.
/// </summary>
public static class PlaybackRules
{
    /// <summary>The players after one PlaybackReport.</summary>
    public static PlaybackState Apply(PlaybackState state, PlaybackReport report) => report.State switch
    {
        ReportState.Starting or ReportState.Playing => Upsert(state, report, paused: false, claim: true),
        ReportState.Paused => Upsert(state, report, paused: true, claim: false),
        ReportState.Stopped or ReportState.Expired => Remove(state, report.PlayerId),
        _ => state,
    };

    private static PlaybackState Upsert(PlaybackState state, PlaybackReport report, bool paused, bool claim)
    {
        var previous = state.Find(report.PlayerId);
        var startsNow = !paused && (previous is null || previous.Paused || previous.Track.Id != report.Track.Id);
        var session = new PlayerSession(
            report.PlayerId,
            report.PlayerName,
            report.Track,
            paused,
            report.PositionMs,
            report.Rate,
            report.TimestampMs,
            StartedMs: startsNow || previous is null ? report.TimestampMs : previous.StartedMs,
            PausedSinceMs: !paused ? null : previous is { Paused: true, PausedSinceMs: { } since } ? since : report.TimestampMs);

        var players = Replace(state.Players, session);
        var owner = state.Owner;
        if (claim && (startsNow || owner is null)) owner = session.PlayerId;
        return state with { Players = players, Owner = owner };
    }

    private static PlaybackState Remove(PlaybackState state, string playerId)
    {
        if (state.Find(playerId) is null) return state;
        var players = state.Players.Items.RemoveAll(p => p.PlayerId == playerId);
        var owner = state.Owner == playerId ? MostRecentlyStartedPlaying(players) : state.Owner;
        return state with { Players = players, Owner = owner };
    }

    private static string? MostRecentlyStartedPlaying(IEnumerable<PlayerSession> players)
    {
        PlayerSession? best = null;
        foreach (var player in players)
            if (!player.Paused && (best is null || player.StartedMs > best.StartedMs)) best = player;
        return best?.PlayerId;
    }

    private static EquatableArray<PlayerSession> Replace(EquatableArray<PlayerSession> players, PlayerSession session)
    {
        var others = players.Items.RemoveAll(p => p.PlayerId == session.PlayerId);
        return others.Add(session);
    }
}
