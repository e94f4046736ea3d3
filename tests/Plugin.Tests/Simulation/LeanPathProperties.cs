using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Effects;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>
/// Every decision made from only what <see cref="InputNeeds"/> declares (those state parts read from the stored
/// text, that much of the config) equals the decision made from everything: the same frames, schedules, logs and
/// state writes, in the same order. The world stores state only through the core's write effects, so "the same
/// writes" is "the same stored state".
/// </summary>
public class LeanPathProperties
{
    private const int Runs = 500;

    private static Property LeanEqualsFull(Func<World> newWorld) =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = newWorld();
            foreach (var ev in events) world.Apply(ev);
            world.AdvanceBy(200_000);
            var first = world.LeanMismatches.FirstOrDefault();
            return world.LeanMismatches.Count == 0
                ? true.ToProperty()
                : false.Label($"{first.Full.Input} decided from everything: [{string.Join(", ", first.Full.Step.Effects)}]; from its needs: [{string.Join(", ", first.Lean.Effects)}]");
        });

    [Property(MaxTest = Runs)]
    public Property Deciding_from_what_an_input_needs_equals_deciding_from_everything() =>
        LeanEqualsFull(() => WorldGen.NewWorld());

    [Property(MaxTest = Runs)]
    public Property The_same_holds_with_art_links_and_failing_HTTP() => LeanEqualsFull(WorldGen.ArtWorldWithFailingHttp);

    [Property(MaxTest = Runs)]
    public Property The_same_holds_with_year_and_genre_lookups_some_failing()
    {
        return LeanEqualsFull(() =>
        {
            var world = WorldGen.NewWorld(songInfo: true);
            var calls = 0;
            world.SubsonicOverride = _ => ++calls % 3 == 0 ? (null, "SubsonicAPI router not available") : null;
            return world;
        });
    }

    [Property(MaxTest = Runs)]
    public Property What_the_writes_stored_reads_back_as_the_state_the_core_decided() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = WorldGen.NewWorld();
            foreach (var ev in events) world.Apply(ev);
            var differences = WorldGen.UserNames.SelectMany(user =>
            {
                var decided = world.StateOf(user);
                var stored = ((StateLoad.Loaded)StoredState.Load(user, StatePart.All, key => StoredRead.Of(world.Store.GetValueOrDefault(key)), _ => null, TrackEntries.None, (_, _) => { })).State;
                // Per user only (the gateway URL and art are shared). What was heard is compared for the session's
                // connection: a late ACK of an older one leaves its own key.
                var heard = world.Decisions.LastOrDefault(d => d.User == user && d.Step.State.Received.Generation == decided.Session.Generation)?.Step.State.Received
                    ?? Received.None with { Generation = decided.Session.Generation };
                return new (string Part, object A, object B)[]
                {
                    ("session", stored.Session, decided.Session), ("beat", stored.Beat, decided.Beat), ("sent", stored.Sent, decided.Sent),
                    ("playback", stored.Playback, decided.Playback), ("nowplaying", stored.NowPlaying, decided.NowPlaying),
                    ("token", stored.Token, decided.Token), ("heard", stored.Received, heard),
                }.Where(p => !Equals(p.A, p.B)).Select(p => $"{user} {p.Part}: stored {p.A}, decided {p.B}");
            }).ToList();
            return (differences.Count == 0).Label(string.Join("; ", differences));
        });

    [Fact]
    public void An_ACK_reads_nothing_and_writes_the_time_for_its_connection()
    {
        var ack = new Input.FrameReceived(GatewayIds.Connection("alice", 3), new InboundFrame.HeartbeatAck());
        Assert.Equal(new InputNeeds.AckArrived(GatewayIds.Connection("alice", 3)), InputNeeds.Of(ack));
        var step = Core.Decide(ack, "alice", UserState.Initial, new ConfigView.Unread(), new Moment(1_800_000_000_000, 0.5));
        Assert.Equal<Effect>([new Effect.CacheSet("ack/alice/3", "1800000000000", StateKeys.CacheTtlSeconds)], step.Effects.Items);
    }

    [Fact]
    public void An_unused_dispatch_reads_nothing_and_writes_its_sequence_number_for_its_connection()
    {
        var noise = new Input.FrameReceived(GatewayIds.Connection("alice", 3), new InboundFrame.Dispatch(42, "MESSAGE_CREATE", null));
        Assert.Equal(StatePart.None, InputNeeds.Of(noise).Parts);
        Assert.Equal(ConfigReach.None, InputNeeds.Of(noise).Config);
        var step = Core.Decide(noise, "alice", UserState.Initial, new ConfigView.Unread(), new Moment(1_800_000_000_000, 0.5));
        Assert.Equal<Effect>([new Effect.CacheSet("seq/alice/3", "42", StateKeys.CacheTtlSeconds)], step.Effects.Items);
    }

    [Fact]
    public void A_heartbeat_timer_reads_the_session_its_beat_and_what_was_heard_and_whether_the_user_is_enabled()
    {
        var timer = new Input.TimerFired(GatewayIds.Schedule(TimerKind.Heartbeat, 3, "alice"), "");
        Assert.Equal(StatePart.Session | StatePart.Beat | StatePart.Received, InputNeeds.Of(timer).Parts);
        Assert.Equal(ConfigReach.Enablement, InputNeeds.Of(timer).Config);
        var disabled = Core.Decide(timer, "alice", UserState.Initial, new ConfigView.Enablement(false), new Moment(1_800_000_000_000, 0.5));
        Assert.Equal<Effect>([new Effect.CancelSchedule(GatewayIds.Schedule(TimerKind.Heartbeat, 3, "alice"))], disabled.Effects.Items);
    }

    [Fact]
    public void A_sessions_list_reads_only_the_session_and_with_nothing_new_writes_only_its_sequence_number()
    {
        var connection = GatewayIds.Connection("alice", 3);
        var state = UserState.Initial with { Session = SessionState.Initial with { Generation = 3, Phase = Phase.Ready, SessionId = "ours" } };
        var echo = new Input.FrameReceived(connection, new InboundFrame.Dispatch(42, FrameReader.SessionsReplace, null,
            new ListeningSeen([new ListeningActivity("ours", "Navidrome")])));
        Assert.Equal(StatePart.Session, InputNeeds.Of(echo).Parts);
        Assert.Equal(ConfigReach.None, InputNeeds.Of(echo).Config);
        var step = Core.Decide(echo, "alice", state, new ConfigView.Unread(), new Moment(1_800_000_000_000, 0.5));
        Assert.Equal<Effect>([new Effect.CacheSet("seq/alice/3", "42", StateKeys.CacheTtlSeconds)], step.Effects.Items);
    }

    [Fact]
    public void A_sessions_list_with_news_stores_it_in_the_session_and_wakes_a_full_decision_at_once()
    {
        var connection = GatewayIds.Connection("alice", 3);
        var state = UserState.Initial with { Session = SessionState.Initial with { Generation = 3, Phase = Phase.Ready, SessionId = "ours" } };
        var spotify = new Input.FrameReceived(connection, new InboundFrame.Dispatch(43, FrameReader.SessionsReplace, null,
            new ListeningSeen([new ListeningActivity("desktop", "Spotify")])));
        var step = Core.Decide(spotify, "alice", state, new ConfigView.Unread(), new Moment(1_800_000_000_000, 0.5));
        Assert.Equal("Spotify", step.State.Session.OtherPlayer);
        Assert.Contains(step.Effects, e => e is Effect.CacheSet { Key: "gw/alice" });
        var wake = GatewayIds.Schedule(TimerKind.Wake, 1_800_000_000_000, "alice");
        Assert.Contains(new Effect.ScheduleOnce(wake, 0, wake), step.Effects.Items);
    }

    [Fact]
    public void A_sessions_list_read_with_the_switch_off_is_an_unused_dispatch()
    {
        var noise = new Input.FrameReceived(GatewayIds.Connection("alice", 3), new InboundFrame.Dispatch(42, FrameReader.SessionsReplace, null));
        Assert.IsType<InputNeeds.SequenceArrived>(InputNeeds.Of(noise));
    }
}
