using Navidrome.DiscordPresence.Domain.Artwork;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Domain.Song;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain;

/// <summary>
/// The plugin's one transition: (input, a user's state, config, moment) → (state', effects), the state writes among
/// the effects. The frequent inputs of a live connection (ACKs, unused dispatches, heartbeat timers) are decided
/// from the little they need (<see cref="InputNeeds"/>); every other input runs in four layers, each pure:
/// 1. playback: a report updates that user's players (ignored players and, on 0.62+ hosts, NowPlaying change nothing);
/// 2. artwork, links and song facts: the track in focus gets its album art, Spotify link, year and genre looked up,
///    off the playback path;
/// 3. presence: what should show now is derived from the players, the art, the config and the time, never stored;
/// 4. gateway: the session moves towards showing that presence (connect, identify, send, close).
/// Users the config does not enable (unknown, or no valid client id) get no effects, except that their
/// stale recurring schedules cancel themselves.
/// </summary>
public static class Core
{
    /// <summary>Decides one input for one user, with the whole config.</summary>
    public static Step Decide(Input input, string user, UserState state, PluginConfig config, Moment now) =>
        Decide(input, user, state, new ConfigView.Parsed(config), now);

    /// <summary>
    /// Decides one input for one user from what <see cref="InputNeeds.Of"/> says it needs: the state parts (the rest
    /// may be initial) and as much of the config as <paramref name="config"/> holds. The effects start with the
    /// writes of the parts the decision changed, so the new state is stored before any effect can call the plugin
    /// back (a close runs on_close in another instance before it returns).
    /// </summary>
    public static Step Decide(Input input, string user, UserState state, ConfigView config, Moment now)
    {
        var step = InputNeeds.Of(input) switch
        {
            InputNeeds.AckArrived ack => GatewaySession.RecordAck(ack.ConnectionId, state, now.NowMs),
            InputNeeds.SequenceArrived dispatch => GatewaySession.RecordSequence(dispatch.ConnectionId, dispatch.Sequence, state),
            InputNeeds.SessionsSeen sessions => GatewaySession.OnSessionsReplaced(sessions.ConnectionId, sessions.Sequence, sessions.Listening, state, now.NowMs),
            InputNeeds.BeatDue beat => Enabled(config, user)
                ? GatewaySession.OnBeatTimer(beat.ScheduleId, beat.Kind, beat.Generation, user, state, now.NowMs)
                : Disabled(input, state),
            InputNeeds.ClaimEnded => new Step(state, []),
            InputNeeds.ScheduleRefused refused => GatewaySession.OnScheduleFailed(refused.Failed, user, state, now.NowMs),
            InputNeeds.Everything => DecideFully(input, user, state, Parsed(config), now),
            var needs => throw new System.Diagnostics.UnreachableException(needs.GetType().Name),
        };
        // Writes first, in the order decided; then everything else in order.
        return new Step(step.State, [
            .. StoredState.Writes(user, state, step.State),
            .. step.Effects.Items.Where(StoredState.IsWrite),
            .. step.Effects.Items.Where(e => !StoredState.IsWrite(e)),
        ]);
    }

    private static Step DecideFully(Input input, string user, UserState state, PluginConfig config, Moment now)
    {
        var account = config.FindUser(user);
        if (account is null || config.ClientId is null) return Disabled(input, state);
        if (state.Token.RejectedFingerprint is { } rejected && rejected != account.TokenFingerprint)
            state = state with { Token = TokenVerdict.Accepted };

        var playback = ApplyPlayback(input, user, state, config, now.NowMs);
        var art = ArtworkPipeline.Decide(input, playback.State, account, config, now);
        var links = SpotifyLinks.Decide(input, art.State, account, config, now);
        var song = SongLookup.Decide(input, links.State, account, config, now);
        var ours = Ours(song.State, config, now.NowMs);
        var desired = StandDown.Desired(ours, song.State.Session, config);
        var gateway = GatewaySession.Decide(input, song.State, new GatewayContext(account, config, now, desired, ours));
        return new Step(gateway.State, [.. playback.Effects, .. art.Effects, .. links.Effects, .. song.Effects, .. gateway.Effects,
            .. FirstReportSettles(input, state, user, now.NowMs)]);
    }

    /// <summary>
    /// The first playback report teaches that the host sends them, and from then on NowPlaying changes nothing. A
    /// NowPlaying call that read the host facts before this report stored them still decides as on an older host, and
    /// can show its track (an ignored player's, say) after this call decided; nothing would re-decide until that entry
    /// expires. So the first report also arms the settling wake, which decides once more from what is stored.
    /// </summary>
    private static IEnumerable<Effect> FirstReportSettles(Input input, UserState before, string user, long nowMs) =>
        input is Input.PlaybackReported && !before.Host.SendsPlaybackReports ? [GatewaySession.SettlingWake(nowMs, user)] : [];

    private static bool Enabled(ConfigView config, string user) => config switch
    {
        ConfigView.Enablement e => e.IsEnabled,
        ConfigView.Parsed p => ConfigView.Enables(p.Config, user),
        _ => throw new ArgumentException("a heartbeat timer needs to know whether its user is enabled", nameof(config)),
    };

    private static PluginConfig Parsed(ConfigView config) =>
        config is ConfigView.Parsed p ? p.Config : throw new ArgumentException("this input needs the parsed config", nameof(config));

    /// <summary>
    /// A (re)load of the plugin (nd_on_init): wake every configured user at once, each in a call of their own, so
    /// users still playing get their presence back without the admin's "save" waiting for N gateway connects.
    /// </summary>
    public static EquatableArray<Effect> Initialize(PluginConfig config, Moment now)
    {
        if (config.ClientId is null) return [];
        return [.. config.Users.Select(user => (Effect)GatewaySession.TimerAt(TimerKind.Wake, now.NowMs, user.Username, now.NowMs))];
    }

    /// <summary>The presence a user should have at <paramref name="nowMs"/>: <see cref="Ours"/>, unless the plugin stands down for another player.</summary>
    public static Effects.Discord.PresenceUpdate Desired(UserState state, PluginConfig config, long nowMs) =>
        StandDown.Desired(Ours(state, config, nowMs), state.Session, config);

    /// <summary>What Navidrome's playback shows for a user at <paramref name="nowMs"/>, other players aside.</summary>
    public static Effects.Discord.PresenceUpdate Ours(UserState state, PluginConfig config, long nowMs)
    {
        var showing = Showing.At(state.Playback, state.NowPlaying, state.Host, config, nowMs);
        return PresenceComposer.Compose(showing, config, ArtDecorations.For(showing, state.Art, state.Links, config, nowMs),
            SongLookup.ExtrasFor(showing?.Track, state.Song));
    }

    /// <summary>The track a decision on <paramref name="input"/> shows, so the shell can load just its art, link and song entries.</summary>
    public static Playback.Track? TrackInFocus(Input input, string user, UserState state, PluginConfig config, long nowMs)
    {
        var after = ApplyPlayback(input, user, state, config, nowMs).State;
        return Showing.At(after.Playback, after.NowPlaying, after.Host, config, nowMs)?.Track;
    }

    private static Step Disabled(Input input, UserState state) =>
        input is Input.TimerFired { ScheduleId: var id } && GatewaySession.IsRecurring(id)
            ? new Step(state, [new Effect.CancelSchedule(id)])
            : new Step(state, []);

    private static Step ApplyPlayback(Input input, string user, UserState state, PluginConfig config, long nowMs)
    {
        var next = input switch
        {
            Input.PlaybackReported { Report: var report } when !config.IsIgnoredPlayer(report.PlayerName) =>
                state with { Host = new HostFacts(true), Playback = PlaybackRules.Apply(state.Playback, report) },
            Input.PlaybackReported => state with { Host = new HostFacts(true) },
            Input.NowPlayingReported np when !state.Host.SendsPlaybackReports =>
                state with { NowPlaying = NowPlayingRules.Apply(state.NowPlaying, np.Track, np.PositionMs, nowMs) },
            _ => state,
        };
        if (ReferenceEquals(next, state) || next.Playback == state.Playback && next.NowPlaying == state.NowPlaying)
            return new Step(next, []);
        // Stamped after every change, later than the stamp before, so what was sent can say how new its source was.
        if (next.Playback != state.Playback)
            next = next with { Playback = next.Playback with { ChangedMs = Math.Max(state.Playback.ChangedMs + 1, nowMs) } };
        if (next.NowPlaying != state.NowPlaying)
            next = next with { NowPlaying = next.NowPlaying with { ChangedMs = Math.Max(state.NowPlaying.ChangedMs + 1, nowMs) } };
        return new Step(next, WakeUp(next, user, config, nowMs));
    }

    /// <summary>Arms a timer for the next moment the desired presence changes by itself (pause timeout, end of a NowPlaying track).</summary>
    private static EquatableArray<Effect> WakeUp(UserState state, string user, PluginConfig config, long nowMs)
    {
        if (Showing.NextChangeMs(state.Playback, state.NowPlaying, state.Host, config, nowMs) is not { } at) return [];
        return [GatewaySession.TimerAt(TimerKind.Wake, at, user, nowMs)];
    }
}
