using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Gateway;

/// <summary>Scripted conversations for liveness: lost and refused timers, and the deadlines that cover them.</summary>
public class LivenessConversationTests
{
    private static readonly WorldEvent.Report Play = new(0, 0, ReportState.Playing, 0, 10, 1);

    [Fact]
    public void A_report_an_hour_after_a_lost_retry_timer_reconnects()
    {
        var world = WorldGen.NewWorld();
        world.Apply(new WorldEvent.FailNextConnect(0));
        world.Apply(new WorldEvent.LoseNextTimer(0));
        world.Apply(Play);
        Assert.Equal(Phase.Backoff, world.StateOf("alice").Session.Phase);
        world.AdvanceBy(3_600_000);
        Assert.Null(world.OpenConnectionOf("alice"));

        world.Apply(Play with { PositionSeconds = 20 });
        Assert.Equal(Phase.Ready, world.StateOf("alice").Session.Phase);
    }

    [Fact]
    public void A_report_before_the_retry_time_leaves_the_reconnect_to_the_retry_timer()
    {
        var world = WorldGen.NewWorld();
        world.Apply(new WorldEvent.FailNextConnect(0));
        world.Apply(Play);
        var before = world.Decisions.Count;
        world.Apply(Play with { PositionSeconds = 11 });
        Assert.DoesNotContain(world.EffectsSince(before, "alice"), e => e is Effect.Connect);
        Assert.Equal(Phase.Backoff, world.StateOf("alice").Session.Phase);
    }

    [Fact]
    public void A_refused_retry_timer_is_rechecked_at_the_deadline_and_timers_alone_reconnect()
    {
        var world = WorldGen.NewWorld();
        world.Apply(Play);
        world.Apply(new WorldEvent.FailNextConnect(0));
        world.Apply(new WorldEvent.FailNextSchedule(0));
        world.Apply(new WorldEvent.Drop(0));
        var session = world.StateOf("alice").Session;
        Assert.Equal(Phase.Backoff, session.Phase);
        var recheck = world.Decisions.SelectMany(d => d.Step.Effects).OfType<Effect.ScheduleOnce>().Single(s => s.ScheduleId.StartsWith("recheck:", StringComparison.Ordinal));
        Assert.Equal(GatewayIds.Schedule(TimerKind.Recheck, session.DeadlineMs!.Value, "alice"), recheck.ScheduleId);

        world.AdvanceBy(session.DeadlineMs!.Value - world.NowMs + 1_000);
        Assert.Equal(Phase.Ready, world.StateOf("alice").Session.Phase);
    }

    [Fact]
    public void A_retry_whose_connect_claim_fails_backs_off_under_a_new_timer_and_connects_before_the_deadline()
    {
        var world = WorldGen.NewWorld();
        world.Apply(new WorldEvent.FailNextConnect(0));
        world.Apply(Play);
        var waiting = world.StateOf("alice").Session;
        Assert.Equal(Phase.Backoff, waiting.Phase);
        // The retry timer fires and claims the next generation; the scheduler fails that claim. Backing off again
        // from the retry's own callback must arm a timer under a new id: Navidrome refuses the firing one's id as
        // existing, then deletes it.
        world.FailingClaims.Add("alice");
        world.AdvanceBy(waiting.DeadlineMs!.Value - world.NowMs - PhaseDeadlines.RetryGraceMs);
        Assert.Contains(world.Decisions.Select(d => d.Input), i => i is Input.Claimed { Result: ClaimResult.Failed });
        Assert.Equal(Phase.Backoff, world.StateOf("alice").Session.Phase);

        world.AdvanceBy(world.StateOf("alice").Session.DeadlineMs!.Value - world.NowMs + 1_000);
        Assert.Equal(Phase.Ready, world.StateOf("alice").Session.Phase);
    }

    [Fact]
    public void A_lost_reidentify_timer_is_recovered_by_the_first_call_past_the_deadline_closing_the_old_connection_first()
    {
        var world = WorldGen.NewWorld();
        world.Apply(Play);
        world.Apply(new WorldEvent.LoseNextTimer(0));
        world.Apply(new WorldEvent.InvalidSession(0, Resumable: false));
        var stuck = world.StateOf("alice").Session;
        Assert.Equal(Phase.Identifying, stuck.Phase);
        world.AdvanceBy(stuck.DeadlineMs!.Value - world.NowMs);

        var before = world.Decisions.Count;
        world.Apply(Play with { PositionSeconds = 80 });
        var effects = world.EffectsSince(before, "alice");
        var close = Array.FindIndex(effects, e => e is Effect.Close { Code: 4000 } c && c.ConnectionId == GatewayIds.Connection("alice", stuck.Generation));
        var connect = Array.FindIndex(effects, e => e is Effect.Connect c && c.ConnectionId == GatewayIds.Connection("alice", stuck.Generation + 1));
        Assert.InRange(close, 0, connect - 1);
        Assert.Equal(Phase.Ready, world.StateOf("alice").Session.Phase);
        Assert.Equal(1, world.MostConnectionsAtOnce);
    }

    [Fact]
    public void A_refused_schedule_that_another_call_armed_is_nothing_to_decide()
    {
        var refused = new Input.ScheduleFailed(GatewayIds.Schedule(TimerKind.Flush, 1, "alice"), 3, new HostFailure.AlreadyExists("schedule ID \"flush:1:alice\" already exists"));
        var step = Core.Decide(refused, "alice", UserState.Initial, new ConfigView.Unread(), new Moment(World.StartMs, 0.5));
        Assert.Empty(step.Effects);
    }

    [Fact]
    public void A_refused_recheck_is_not_replaced_again()
    {
        var refused = new Input.ScheduleFailed(GatewayIds.Schedule(TimerKind.Recheck, 1, "alice"), 5, new HostFailure.Failed("scheduler stopped"));
        var step = Core.Decide(refused, "alice", UserState.Initial, new ConfigView.Unread(), new Moment(World.StartMs, 0.5));
        Assert.IsType<Effect.Log>(Assert.Single(step.Effects));
    }

    [Fact]
    public void A_connection_whose_heartbeat_timer_was_refused_is_closed_and_resumed_by_the_next_full_call()
    {
        var world = WorldWhoseHeartbeatStopped();
        var silent = world.SentFrames.Count(f => f.Frame is GatewayFrame.Heartbeat);

        var before = world.Decisions.Count;
        world.Apply(Play with { PositionSeconds = 120 });
        Assert.Contains(world.EffectsSince(before, "alice"), e => e is Effect.Close { Code: 4000, Reason: "heartbeat stopped" });
        Assert.Equal(Phase.Ready, world.StateOf("alice").Session.Phase);
        world.AdvanceBy(World.HelloIntervalMs);
        Assert.True(world.SentFrames.Count(f => f.Frame is GatewayFrame.Heartbeat) > silent);
    }

    [Fact]
    public void A_connection_whose_heartbeat_timer_was_refused_is_closed_for_good_when_nothing_is_left_to_show()
    {
        var world = WorldWhoseHeartbeatStopped();
        var before = world.Decisions.Count;
        world.Apply(Play with { State = ReportState.Stopped, PositionSeconds = 120 });
        // 1000 ends the session, so Discord drops the track it showed; 4000 would keep showing it for minutes.
        Assert.Contains(world.EffectsSince(before, "alice"), e => e is Effect.Close { Code: 1000, Reason: "heartbeat stopped" });
        var session = world.StateOf("alice").Session;
        Assert.Equal(Phase.Idle, session.Phase);
        Assert.False(session.CanResume);
    }

    /// <summary>alice plays; the first-beat timer of her resumed connection is refused; two intervals and the grace pass.</summary>
    private static World WorldWhoseHeartbeatStopped()
    {
        var world = WorldGen.NewWorld();
        world.Apply(Play);
        world.Apply(new WorldEvent.FailNextSchedule(0));
        world.Apply(new WorldEvent.Reconnect(0));
        Assert.Contains(world.Decisions.Select(d => d.Input), i => i is Input.ScheduleFailed { ScheduleId: var id } && id.StartsWith("hb0:", StringComparison.Ordinal));
        world.AdvanceBy(2 * World.HelloIntervalMs + PhaseDeadlines.RetryGraceMs + 1_000);
        return world;
    }
}
