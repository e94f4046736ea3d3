using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// Lookups settle before the presence shows them. After a track change the art, the Spotify link and the year and
/// genre are looked up in calls of their own, often at the same instant. A call that sent a presence as soon as its
/// own result was stored would compose it from what it read before the others stored theirs, and whichever sent
/// last would win: Discord showed the art without the link, or the reverse, until the next refresh. The playback
/// stamp (<see cref="SentPresence.FromMs"/>) cannot tell such presences apart: they show the same playback.
/// So a lookup's call stores its result and sends nothing; when the presence it would show differs from the one
/// sent, it arms a wake (<see cref="TimerKind.Wake"/>) at a whole second <see cref="SettleSeconds"/> ahead, and that
/// wake's full decision sends once, from everything stored by then (see docs/discord-gateway.md, 'Lookups settle').
/// </summary>
public static partial class GatewaySession
{
    /// <summary>
    /// How far ahead the settling wake is keyed: the whole second this many seconds after the answer's. Answers in
    /// one second share that wake (the host refuses the second schedule with "already exists"), and it fires at
    /// least a second after the last of them, so their results are stored when it reads.
    /// </summary>
    public const int SettleSeconds = 2;

    /// <summary>True for the calls of the art, link and song lookups: their timers and their answers.</summary>
    private static bool IsLookup(Input input) => input switch
    {
        Input.TimerFired t => GatewayIds.TryParseSchedule(t.ScheduleId, out var kind, out _, out _)
            && kind is TimerKind.Artwork or TimerKind.Links or TimerKind.SongInfo,
        Input.HttpAnswered h => !HttpTags.TryParse(h.Tag, out var purpose, out _, out _) || purpose != HttpTags.GatewayUrl,
        Input.ArtworkAnswered or Input.SubsonicAnswered or Input.SubsonicCallAnswered => true,
        _ => false,
    };

    /// <summary>
    /// A lookup's call never sends. On a ready connection it arms a settling wake when the presence it would show
    /// differs from the one sent; during a handshake it arms one anyway, since the call that READY or RESUMED brings
    /// may have read before this result was stored. Without a connection it moves towards one like any other change.
    /// </summary>
    private static Step Settle(UserState state, GatewayContext ctx)
    {
        if (state.Session.Phase is Phase.Idle or Phase.Backoff) return Converge(state, ctx);
        if (state.Session.Phase == Phase.Ready && !IsWanted(state, ctx)) return new Step(state, []);
        return new Step(state, [SettlingWake(ctx.NowMs, ctx.User)]);
    }

    /// <summary>The wake at the whole second <see cref="SettleSeconds"/> ahead, shared by every call that arms it in one second.</summary>
    public static Effect SettlingWake(long nowMs, string user) => TimerAt(TimerKind.Wake, (nowMs / 1000 + SettleSeconds) * 1000, user, nowMs);
}
