using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>Timers: heartbeats and zombie detection (docs/discord-gateway.md, 'Hello and heartbeats' and 'Zombie connections'), retries,
/// idle close, flush, wake-ups.</summary>
public static partial class GatewaySession
{
    /// <summary>How long a connection stays open after the presence cleared, so the next track needs no new identify
    /// (see docs/go-plugin-weaknesses.md, 'A new session for every listening session').</summary>
    public const int IdleGraceSeconds = 300;

    private static Step OnTimer(Input.TimerFired timer, UserState state, GatewayContext ctx)
    {
        if (!GatewayIds.TryParseSchedule(timer.ScheduleId, out var kind, out var number, out _)) return new Step(state, []);
        return kind switch
        {
            TimerKind.FirstBeat => OnFirstBeat(number, state, ctx),
            TimerKind.Heartbeat => OnHeartbeat(timer.ScheduleId, number, state, ctx),
            TimerKind.Retry => OnRetry(number, state, ctx),
            TimerKind.IdleClose => OnIdleClose(state, ctx),
            TimerKind.Reidentify => OnReidentify(number, state, ctx),
            TimerKind.Flush or TimerKind.Wake or TimerKind.Artwork or TimerKind.Links => Converge(state, ctx),
            _ => throw new System.Diagnostics.UnreachableException(kind.ToString()),
        };
    }

    private static bool IsLive(long generation, UserState state) =>
        generation == state.Session.Generation && state.Session.Phase is not (Phase.Idle or Phase.Backoff or Phase.Connecting);

    /// <summary>The first, jittered beat: beat, then start the connection's one recurring heartbeat schedule.</summary>
    private static Step OnFirstBeat(long generation, UserState state, GatewayContext ctx)
    {
        if (!IsLive(generation, state)) return new Step(state, []);
        var recurring = GatewayIds.Schedule(TimerKind.Heartbeat, generation, ctx.User);
        var beat = Beat(state, ctx);
        return new Step(beat.State, [.. beat.Effects, new Effect.ScheduleRecurring(recurring, state.Session.HeartbeatIntervalMs / 1000, recurring)]);
    }

    /// <summary>A recurring beat: if the previous beat was never acknowledged the connection is a zombie, so close it
    /// with a resumable code (the close handler resumes); otherwise beat. A schedule of an older connection cancels itself.</summary>
    private static Step OnHeartbeat(string scheduleId, long generation, UserState state, GatewayContext ctx)
    {
        if (!IsLive(generation, state)) return new Step(state, [new Effect.CancelSchedule(scheduleId)]);
        if (state.Beat.Generation == generation && state.Beat.LastBeatMs > state.Session.LastAckMs)
            return new Step(state, [
                new Effect.Log(LogLevel.Info, $"user '{ctx.User}': no heartbeat ACK from Discord; reconnecting"),
                new Effect.Close(ConnectionOf(state, ctx), CloseCodes.ResumableClose, "heartbeat not acknowledged"),
            ]);
        return Beat(state, ctx);
    }

    private static Step Beat(UserState state, GatewayContext ctx) =>
        new(state with { Beat = new BeatState(state.Session.Generation, ctx.NowMs) },
            [new Effect.Send(ConnectionOf(state, ctx), new GatewayFrame.Heartbeat(state.Session.Sequence))]);

    /// <summary>The idle grace ended: close the connection for good if the presence stayed clear all along.</summary>
    private static Step OnIdleClose(UserState state, GatewayContext ctx)
    {
        var lastSend = state.Sent.RecentMs.Count == 0 ? 0 : state.Sent.RecentMs.Items.Max();
        var idleLongEnough = ctx.NowMs - lastSend >= (IdleGraceSeconds - 1) * 1000L;
        if (state.Session.Phase != Phase.Ready || !ctx.Desired.IsClear || state.Sent.LastSent is not { IsClear: true } || !idleLongEnough)
            return new Step(state, []);
        return new Step(state, [new Effect.Close(ConnectionOf(state, ctx), CloseCodes.FinalClose, "idle")]);
    }
}
