using Navidrome.DiscordPresence.Domain.Gateway;

namespace Navidrome.DiscordPresence.Domain.State;

/// <summary>
/// What deciding an input needs: which stored parts and how much of the config. The shell loads just that, and
/// <see cref="Core.Decide(Input, string, UserState, ConfigView, Moment)"/> decides the same with only that as with
/// everything (a property in the tests). The frequent inputs of a live connection need little: an ACK or an unused
/// dispatch nothing at all, a SESSIONS_REPLACE (only read while <c>yieldtootherapps</c> is on) the session, a heartbeat
/// timer the session, its beat, what was heard, and whether the user is enabled, a refused schedule the session.
/// </summary>
public abstract record InputNeeds
{
    private InputNeeds(StatePart parts, ConfigReach config) => (Parts, Config) = (parts, config);

    /// <summary>The stored parts the decision reads.</summary>
    public StatePart Parts { get; }

    /// <summary>How far the decision reads the config.</summary>
    public ConfigReach Config { get; }

    /// <summary>A heartbeat ACK: recorded for its connection, nothing read.</summary>
    public sealed record AckArrived(string ConnectionId) : InputNeeds(StatePart.None, ConfigReach.None);


    /// <summary>A dispatch the session does not use: its sequence number recorded for its connection, nothing read.</summary>
    public sealed record SequenceArrived(string ConnectionId, long? Sequence) : InputNeeds(StatePart.None, ConfigReach.None);


    /// <summary>
    /// A SESSIONS_REPLACE whose sessions were read (<c>yieldtootherapps</c> on): the session, to compare what the user's
    /// other sessions show with what it stored; a change wakes a full decision.
    /// </summary>
    public sealed record SessionsSeen(string ConnectionId, long? Sequence, ListeningSeen Listening) : InputNeeds(StatePart.Session, ConfigReach.None);

    /// <summary>A heartbeat timer (first or recurring): beat, or close a zombie.</summary>
    public sealed record BeatDue(string ScheduleId, TimerKind Kind, long Generation)
        : InputNeeds(StatePart.Session | StatePart.Beat | StatePart.Received, ConfigReach.Enablement);

    /// <summary>A schedule the host refused: a replacement is armed at its time or the session's deadline.</summary>
    public sealed record ScheduleRefused(Input.ScheduleFailed Failed) : InputNeeds(StatePart.Session, ConfigReach.None);

    /// <summary>Anything else: everything (the input may move playback, art, links and the presence).</summary>
    public sealed record Everything() : InputNeeds(StatePart.All, ConfigReach.Full);

    /// <summary>The needs of <paramref name="input"/>.</summary>
    public static InputNeeds Of(Input input) => input switch
    {
        Input.FrameReceived { Frame: InboundFrame.HeartbeatAck } f => new AckArrived(f.ConnectionId),
        Input.FrameReceived { Frame: InboundFrame.Dispatch { Type: FrameReader.SessionsReplace, Listening: { } listening } d } f =>
            new SessionsSeen(f.ConnectionId, d.Sequence, listening),
        Input.FrameReceived { Frame: InboundFrame.Dispatch d } f when !GatewaySession.IsUsed(d) => new SequenceArrived(f.ConnectionId, d.Sequence),
        Input.TimerFired t when GatewayIds.TryParseSchedule(t.ScheduleId, out var kind, out var generation, out _)
            && kind is TimerKind.FirstBeat or TimerKind.Heartbeat => new BeatDue(t.ScheduleId, kind, generation),
        Input.ScheduleFailed failed => new ScheduleRefused(failed),
        _ => new Everything(),
    };
}
