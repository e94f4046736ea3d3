using System.Text;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Exports;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Gateway;

/// <summary>
/// The races found with calls overlapping the way Navidrome runs them, each replayed by deciding two or more calls
/// from what each read, with a host that grants a schedule id once (as Navidrome does: the only test-and-set).
/// </summary>
public class RaceTests
{
    private static readonly Domain.Config.PluginConfig Config = WorldGen.Config();

    /// <summary>Schedule ids that exist, as Navidrome's scheduler holds them: a claim takes the first free id.</summary>
    private sealed class Scheduler
    {
        private readonly HashSet<string> taken = [];

        public Input.Claimed Carry(Effect.Claim claim) =>
            claim.ScheduleIds.FirstOrDefault(taken.Add) is { } won
                ? new Input.Claimed(won, ClaimResult.Won)
                : new Input.Claimed(claim.ScheduleIds[^1], ClaimResult.Taken);
    }

    private static Step Decide(Input input, UserState state, long atMs) =>
        Core.Decide(input, "alice", state, Config, new Moment(atMs, 0.5));

    /// <summary>Decides one call through to the end: its input, then the answer to its claim, if any.</summary>
    private static List<Effect> Call(Input input, UserState read, long atMs, Scheduler scheduler)
    {
        var step = Decide(input, read, atMs);
        List<Effect> effects = [.. step.Effects];
        if (step.Effects.OfType<Effect.Claim>().SingleOrDefault() is { } claim)
            effects.AddRange(Decide(scheduler.Carry(claim), step.State, atMs).Effects);
        return effects;
    }

    private static Input.PlaybackReported Report(int track, long atMs) =>
        new("alice", new PlaybackReport(Tracks.Get(track), ReportState.Playing, 0, 1, "player-0", "Player 0", atMs));

    private static IEnumerable<PresenceUpdate> Updates(IEnumerable<Effect> effects) =>
        effects.OfType<Effect.Send>().Select(s => s.Frame).OfType<GatewayFrame.UpdatePresence>().Select(u => u.Presence);

    /// <summary>alice, connected and Ready, showing track 0; and the time it got there.</summary>
    private static (UserState State, long AtMs) Ready()
    {
        var world = WorldGen.NewWorld();
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 10, 1));
        world.AdvanceBy(30_000);
        Assert.Equal(Phase.Ready, world.StateOf("alice").Session.Phase);
        return (world.StateOf("alice"), world.NowMs);
    }

    [Fact]
    public void Two_calls_that_both_read_Idle_open_one_connection()
    {
        var scheduler = new Scheduler();
        var start = World.StartMs;
        var report = Call(Report(0, start), UserState.Initial, start, scheduler);
        var nowPlaying = Call(new Input.NowPlayingReported("alice", Tracks.Get(0), 0), UserState.Initial, start, scheduler);

        // The winner writes the new generation and starts connecting (the gateway URL lookup comes first).
        Assert.Contains(report, e => e is Effect.Claim { ScheduleIds: var ids } && ids.Single() == "connect:1:alice");
        Assert.Contains(report, e => e is Effect.CacheSet { Key: "gw/alice" });
        Assert.Contains(report, e => e is Effect.Http { Request.Url: GatewaySession.GatewayLookupUrl });
        // The loser claimed the same generation, was refused, and leaves the session alone.
        Assert.Contains(nowPlaying, e => e is Effect.Claim { ScheduleIds: var same } && same.Single() == "connect:1:alice");
        Assert.DoesNotContain(nowPlaying, e => e is Effect.Connect or Effect.Http || e is Effect.CacheSet { Key: "gw/alice" });
    }

    [Fact]
    public void The_call_that_opens_a_generation_claims_it_before_writing_the_session_or_connecting()
    {
        var host = new RecordingHost(new Dictionary<string, string>
        {
            ["clientid"] = "1234567890123456789",
            ["users"] = """[{"username":"alice","token":"MTA5ODc2NTQzMjEw.GaBcDe.race-secret"}]""",
        })
        {
            // Another call holds the lock on generation 1.
            Answer = (function, request) => function == "scheduler_scheduleonetime" && request.Contains("connect:1:alice", StringComparison.Ordinal)
                ? """{"error":"schedule ID \"connect:1:alice\" already exists"}"""
                : "{}",
        };
        var input = """{"username":"alice","track":{"id":"t1","title":"T","album":"A","artist":"R","duration":200},"state":"playing","positionMs":0,"playbackRate":1,"playerId":"p1","playerName":"P","timestamp":1764000000}""";
        var result = new ManagedPluginRunner().Call(ExportNames.PlaybackReport, Encoding.UTF8.GetBytes(input), host);

        Assert.True(result.Succeeded);
        Assert.Contains(host.Calls, c => c.Function == "scheduler_scheduleonetime" && c.Request.Contains("connect:1:alice", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Calls, c => c.Function is "websocket_connect" or "http_send");
        Assert.DoesNotContain(host.Calls, c => c.Function == "cache_setstring" && c.Request.Contains("\"gw/alice\"", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs, l => l.Level >= LogLevel.Warn);
    }

    [Fact]
    public void However_many_calls_race_to_send_at_most_Budget_updates_go_out_and_the_rest_wait_for_a_flush()
    {
        var (ready, at) = Ready();
        var scheduler = new Scheduler();
        // Six calls, each showing another track, all read the same window (no sends in it) before any wrote it back.
        var calls = Enumerable.Range(1, 6).Select(track => Call(Report(track % Tracks.Count, at + 1_000), ready, at + 1_000, scheduler)).ToList();

        Assert.Equal(SentPresence.Budget, calls.Sum(c => Updates(c).Count()));
        var held = calls.Where(c => !Updates(c).Any()).ToList();
        Assert.Equal(6 - SentPresence.Budget, held.Count);
        Assert.All(held, c => Assert.Contains(c, e => e is Effect.ScheduleOnce { ScheduleId: var id } && id.StartsWith("flush:", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_slot_is_tried_from_the_one_taken_longest_ago_and_one_claim_costs_one_schedule_when_nobody_races()
    {
        var (ready, at) = Ready();
        var step = Decide(Report(1, at + 1_000), ready, at + 1_000);
        var claim = Assert.Single(step.Effects.OfType<Effect.Claim>());
        var first = ready.Sent.FirstSlot;
        Assert.Equal($"slot:{first}:alice", claim.ScheduleIds[0]);
        Assert.Equal(SentPresence.Budget, claim.ScheduleIds.Count);
        Assert.Equal(SentPresence.SlotSeconds, claim.Seconds);

        var sent = Decide(new Input.Claimed($"slot:{first}:alice", ClaimResult.Won), step.State, at + 1_000);
        Assert.Single(Updates(sent.Effects));
        Assert.Equal((first + 1) % SentPresence.Budget, sent.State.Sent.FirstSlot);
    }

    [Fact]
    public void When_the_scheduler_fails_nothing_goes_out_unlocked_and_a_flush_tries_again()
    {
        var (ready, at) = Ready();
        var step = Decide(Report(1, at + 1_000), ready, at + 1_000);
        var failed = Decide(new Input.Claimed("slot:0:alice", ClaimResult.Failed), step.State, at + 1_000);
        Assert.Empty(Updates(failed.Effects));
        var flush = Assert.Single(failed.Effects.OfType<Effect.ScheduleOnce>());
        Assert.StartsWith("flush:", flush.ScheduleId, StringComparison.Ordinal);

        var first = Decide(Report(0, World.StartMs), UserState.Initial, World.StartMs);
        var backoff = Decide(new Input.Claimed("connect:1:alice", ClaimResult.Failed), first.State, World.StartMs);
        Assert.DoesNotContain(backoff.Effects, e => e is Effect.Connect or Effect.Http);
        Assert.Equal(Phase.Backoff, backoff.State.Session.Phase);
        var retry = Assert.Single(backoff.Effects.OfType<Effect.ScheduleOnce>(), e => e.ScheduleId.StartsWith("retry:", StringComparison.Ordinal));
        Assert.Equal(GatewayIds.Schedule(TimerKind.Retry, backoff.State.Session.DeadlineMs!.Value - PhaseDeadlines.RetryGraceMs, "alice"), retry.ScheduleId);

        // The retry's claim fails too: the next retry, armed inside the firing retry's callback, has an id of its own.
        var due = backoff.State.Session.DeadlineMs!.Value - PhaseDeadlines.RetryGraceMs;
        var fired = Decide(new Input.TimerFired(retry.ScheduleId, retry.ScheduleId), backoff.State, due);
        var again = Decide(new Input.Claimed(Assert.Single(fired.Effects.OfType<Effect.Claim>()).ScheduleIds[0], ClaimResult.Failed), fired.State, due);
        var next = Assert.Single(again.Effects.OfType<Effect.ScheduleOnce>(), e => e.ScheduleId.StartsWith("retry:", StringComparison.Ordinal));
        Assert.NotEqual(retry.ScheduleId, next.ScheduleId);
    }

    [Fact]
    public void A_call_that_finds_the_session_overdue_claims_the_next_generation_before_starting_over()
    {
        var (ready, at) = Ready();
        var stuck = ready with { Session = ready.Session.In(Phase.Resuming, at) };
        var step = Decide(Report(1, at + 1_000), stuck, at + 1_000);
        Assert.Contains(step.Effects, e => e is Effect.Claim { ScheduleIds: var ids } && ids.Single() == "connect:2:alice");
        Assert.DoesNotContain(step.Effects, e => e is Effect.Close or Effect.Connect);

        var won = Decide(new Input.Claimed("connect:2:alice", ClaimResult.Won), step.State, at + 1_000);
        Assert.Contains(won.Effects, e => e is Effect.Close { ConnectionId: "drp:1:alice" });
        Assert.Contains(won.Effects, e => e is Effect.Connect { ConnectionId: "drp:2:alice" });
        Assert.Empty(Decide(new Input.Claimed("connect:2:alice", ClaimResult.Taken), step.State, at + 1_000).Effects);
    }

    [Fact]
    public void A_slot_won_for_a_presence_no_longer_wanted_is_given_back()
    {
        var (ready, at) = Ready();
        var unchanged = Decide(new Input.Claimed("slot:2:alice", ClaimResult.Won), ready, at + 1_000);
        Assert.Equal<Effect>([new Effect.CancelSchedule("slot:2:alice")], unchanged.Effects.Items);
    }

    [Theory]
    [InlineData("connect:3:alice")]
    [InlineData("slot:2:alice")]
    public void The_end_of_a_claim_reads_nothing_and_does_nothing(string id)
    {
        var ended = new Input.TimerFired(id, id);
        Assert.Equal(new InputNeeds.ClaimEnded(), InputNeeds.Of(ended));
        var step = Core.Decide(ended, "alice", UserState.Initial, new ConfigView.Unread(), new Moment(World.StartMs, 0.5));
        Assert.Empty(step.Effects);
    }

    [Fact]
    public void A_call_that_read_playback_before_a_report_landed_never_shows_the_previous_track_again()
    {
        var (ready, at) = Ready();
        var scheduler = new Scheduler();
        // The report of track 1 lands and is shown...
        var report = Decide(Report(1, at + 5_000), ready, at + 5_000);
        var shown = Decide(scheduler.Carry(report.Effects.OfType<Effect.Claim>().Single()), report.State, at + 5_000);
        Assert.Equal("夜に駆ける", Assert.Single(Updates(shown.Effects)).Activities[0].Details);

        // ...while a refresh had read the playback before it (track 0) and reads what was sent after it.
        var stale = ready with { Sent = shown.State.Sent };
        var refresh = Call(new Input.TimerFired("refresh:1:alice", "refresh:1:alice"), stale, at + 5_000, scheduler);
        Assert.Empty(Updates(refresh));
        Assert.DoesNotContain(refresh, e => e is Effect.Claim);
    }
}
