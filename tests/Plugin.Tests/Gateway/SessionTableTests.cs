using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Gateway;

/// <summary>
/// The state machine table (<see cref="SessionTable"/>) against the code: every phase × every event, with and
/// without something to show, with and without a session to resume, before and past the phase's deadline, goes
/// through the core and must land in a phase one of the table's rows for that pair names.
/// </summary>
public class SessionTableTests
{
    private const string User = "alice";
    private const int Generation = 3;
    private static readonly long NowMs = World.StartMs + 3_600_000;
    private static readonly string Connection = GatewayIds.Connection(User, Generation);

    public static TheoryData<Phase, SessionEvent> EveryPair()
    {
        var pairs = new TheoryData<Phase, SessionEvent>();
        foreach (var phase in Enum.GetValues<Phase>())
            foreach (var on in Enum.GetValues<SessionEvent>())
                pairs.Add(phase, on);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_phase_and_event_has_a_row_and_the_code_lands_where_a_row_says(Phase phase, SessionEvent on)
    {
        var rows = SessionTable.For(phase, on).ToArray();
        Assert.NotEmpty(rows);
        var input = InputFor(on);
        var decidedInFull = Domain.State.InputNeeds.Of(input) is Domain.State.InputNeeds.Everything;
        foreach (var showing in new[] { true, false })
            foreach (var resumable in new[] { true, false })
                foreach (var overdue in new[] { false, true })
                {
                    if (on == SessionEvent.DeadlinePassed && !overdue && PhaseDeadlines.Waits(phase)) continue;
                    // Past the deadline, an input decided in full may also take the deadline's row.
                    // DeadlinePassed is carried by a Changed input, which may take its own rows.
                    var allowed = rows.Select(r => r.To)
                        .Concat(on == SessionEvent.DeadlinePassed ? SessionTable.For(phase, SessionEvent.Changed).Select(r => r.To) : [])
                        .Concat(overdue && decidedInFull ? SessionTable.For(phase, SessionEvent.DeadlinePassed).Select(r => r.To) : [])
                        .ToHashSet();
                    var state = StateIn(phase, showing, resumable, overdue);
                    var step = Core.Decide(input, User, state, WorldGen.Config(), new Moment(NowMs, 0.5));
                    // A call that claims a lock (GatewaySession.Claims.cs) lands where its answer takes it, as the winner.
                    if (step.Effects.OfType<Effect.Claim>().FirstOrDefault() is { } claim)
                        step = Core.Decide(new Input.Claimed(claim.ScheduleIds[0], ClaimResult.Won), User, step.State, WorldGen.Config(), new Moment(NowMs, 0.5));
                    var after = step.State.Session.Phase;
                    Assert.True(allowed.Contains(after),
                        $"{phase} × {on} (showing: {showing}, resumable: {resumable}, overdue: {overdue}) went to {after}; the table allows {string.Join(", ", allowed)}");
                }
    }

    [Fact]
    public void No_row_is_listed_twice_and_every_row_explains_itself()
    {
        Assert.Equal(SessionTable.Rows.Count, SessionTable.Rows.Select(r => (r.From, r.On, r.When)).Distinct().Count());
        Assert.All(SessionTable.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Does)));
    }

    private static UserState StateIn(Phase phase, bool showing, bool resumable, bool overdue)
    {
        var state = UserState.Initial;
        if (showing)
        {
            var report = new PlaybackReport(Tracks.Get(0), ReportState.Playing, 10_000, 1, "player-0", Tracks.PlayerName(0), NowMs);
            state = Core.Decide(new Input.PlaybackReported(User, report), User, state, WorldGen.Config(), new Moment(NowMs, 0.5)).State;
        }
        var deadline = PhaseDeadlines.Waits(phase) ? NowMs + (overdue ? -1 : PhaseDeadlines.AnswerMs) : (long?)null;
        var session = new SessionState(Generation, phase, resumable ? "session-1" : null, resumable ? "wss://gateway-resume.discord.gg" : null,
            resumable ? 7 : null, World.HelloIntervalMs, 0, Attempt: phase == Phase.Backoff ? 1 : 0, deadline);
        return state with
        {
            Session = session,
            GatewayUrl = "wss://gateway.discord.gg",
            // The last beat went unanswered only when the test asks for a deadline's worth of trouble.
            Beat = new BeatState(Generation, NowMs - 1_000),
            Received = state.Received.For(Generation) with { LastAckMs = overdue ? NowMs - 60_000 : NowMs - 500 },
            Sent = showing ? state.Sent : state.Sent.Record(Core.Desired(state, WorldGen.Config(), NowMs - 400_000), Generation, NowMs - 400_000, state.PlaybackAsOfMs),
        };
    }

    private static Input InputFor(SessionEvent on) => on switch
    {
        SessionEvent.Changed or SessionEvent.DeadlinePassed => Timer(TimerKind.Wake, NowMs),
        SessionEvent.GatewayUrl => new Input.HttpAnswered(HttpTags.Make(HttpTags.GatewayUrl, Generation, User),
            new HttpOutcome.Answered(200, [], "{\"url\":\"wss://gateway.discord.gg\"}")),
        SessionEvent.ConnectFailed => new Input.ConnectFailed(Connection, new HostFailure.Failed("failed to connect: dial tcp: i/o timeout")),
        SessionEvent.Hello => Frame(new InboundFrame.Hello(World.HelloIntervalMs)),
        SessionEvent.ReadyOrResumed => Frame(new InboundFrame.Dispatch(9, "READY", new ReadyInfo("session-2", "wss://gateway-resume.discord.gg"))),
        SessionEvent.Heard => Frame(new InboundFrame.HeartbeatAck()),
        SessionEvent.Reconnect => Frame(new InboundFrame.Reconnect()),
        SessionEvent.InvalidSession => Frame(new InboundFrame.InvalidSession(false)),
        SessionEvent.ReidentifyDue => Timer(TimerKind.Reidentify, Generation),
        SessionEvent.HeartbeatDue => Timer(TimerKind.Heartbeat, Generation),
        SessionEvent.Closed => new Input.SocketClosed(Connection, 4000, "closed"),
        SessionEvent.SendBroken => new Input.SendFailed(Connection, new HostFailure.Failed("failed to send text message: write: broken pipe")),
        SessionEvent.ClosedTooMany => new Input.SocketClosed(Connection, 4015, "too many sessions"),
        SessionEvent.ClosedForGood => new Input.SocketClosed(Connection, 4004, "authentication failed"),
        SessionEvent.RetryDue => Timer(TimerKind.Retry, Generation),
        SessionEvent.IdleCloseDue => Timer(TimerKind.IdleClose, NowMs - 400_000),
        _ => throw new ArgumentOutOfRangeException(nameof(on), on, null),
    };

    private static Input Timer(TimerKind kind, long number)
    {
        var id = GatewayIds.Schedule(kind, number, User);
        return new Input.TimerFired(id, id);
    }

    private static Input Frame(InboundFrame frame) => new Input.FrameReceived(Connection, frame);
}
