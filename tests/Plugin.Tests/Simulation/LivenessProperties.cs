using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>
/// Liveness by construction: timers lost without a word, schedules the host refuses and Discord misbehaving can
/// delay a user's presence, never wedge it. Refused schedules are covered by timers alone (a recheck armed in their
/// place; <see cref="GatewayProperties"/> settles worlds with them); a silently lost timer needs a later call, and
/// the deadline every waiting phase carries makes the first report after it enough.
/// </summary>
public class LivenessProperties
{
    private const int Runs = 1000;

    /// <summary>The longest any waiting phase waits: 4015's 300–360 s before identifying again, plus the retry grace.</summary>
    private const long LongestWaitMs = (Backoff.MaxSeconds + 60) * 1000L + PhaseDeadlines.RetryGraceMs;

    /// <summary>The longest wait before identifying again after op 9.</summary>
    private const long ReidentifyMs = 5_000;

    [Property(MaxTest = Runs)]
    public Property After_lost_timers_the_first_report_past_the_deadlines_brings_every_listener_back() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.LossySequence), events => EveryListenerBackAfterAReport(events, WorldGen.NewWorld()));

    /// <summary>
    /// A failed send breaks its connection for good; a lost write leaves the stored state behind what the call did
    /// (a session a generation behind its open connection, a playback report forgotten, a presence sent but not
    /// recorded). The first report past the deadlines still brings every listener back, and no connection is left
    /// open that the stored session does not know.
    /// </summary>
    [Property(MaxTest = Runs)]
    public Property After_failed_sends_and_lost_writes_too_and_no_connection_is_left_that_the_stored_session_does_not_know() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.FaultySequence), events =>
        {
            var world = WorldGen.NewWorld();
            var back = EveryListenerBackAfterAReport(events, world);
            var strays = new[] { "alice", "bob", "carol" }.SelectMany(user =>
            {
                var stored = world.StoredSessionOf(user);
                var known = stored.Phase is Phase.Idle or Phase.Backoff ? null : GatewayIds.Connection(user, stored.Generation);
                return world.OpenConnectionsOf(user).Where(id => id != known).Select(id => $"{id} open, stored session {stored.Generation} {stored.Phase}");
            }).ToList();
            return back.And((strays.Count == 0).Label(string.Join("; ", strays)));
        });

    /// <summary>Plays <paramref name="events"/>, calms the world, waits out every deadline, then one report each: every listener shows it.</summary>
    private static Property EveryListenerBackAfterAReport(WorldEvent[] events, World world)
    {
        foreach (var ev in events) world.Apply(ev);
        world.Calm();
        world.AdvanceBy(LongestWaitMs);
        foreach (var user in new[] { 0, 1 }) world.Apply(new WorldEvent.Report(user, 0, ReportState.Playing, 0, 10, 1));
        // A resume Discord no longer accepts is answered with op 9, and identify follows 1–5 s later.
        world.AdvanceBy(ReidentifyMs);
        foreach (var user in new[] { "alice", "bob" })
        {
            var state = world.StateOf(user);
            // 4010–4014 stop a good token too: nothing is shown then, by design.
            if (state.Token.RejectedFingerprint is not null) continue;
            var desired = Core.Desired(state, world.Config, world.NowMs);
            if (desired.IsClear) continue;
            var connection = world.OpenConnectionOf(user);
            var shown = connection is null ? null : world.SentFrames.LastOrDefault(f => f.ConnectionId == connection && f.Presence is not null)?.Presence;
            if (state.Session.Phase != Phase.Ready) return false.Label($"{user} is in {state.Session.Phase} {ReidentifyMs / 1000} s after a report past every deadline");
            if (shown is null || PresenceDiff.Differs(shown, desired)) return false.Label($"{user}: {connection} shows {shown?.ToString() ?? "nothing"}, wants {desired}");
        }
        return true.ToProperty();
    }

    [Property(MaxTest = Runs)]
    public Property Every_waiting_phase_has_a_deadline_and_Idle_and_Ready_have_none() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.LossySequence), events =>
        {
            var world = WorldGen.NewWorld();
            foreach (var ev in events) world.Apply(ev);
            world.AdvanceBy(LongestWaitMs);
            var wrong = world.Decisions.FirstOrDefault(d => PhaseDeadlines.Waits(d.Step.State.Session.Phase) != d.Step.State.Session.DeadlineMs.HasValue);
            return (wrong is null).Label($"{wrong?.User} after {wrong?.Input}: {wrong?.Step.State.Session}");
        });

    [Property(MaxTest = Runs)]
    public Property A_connection_is_never_opened_while_the_users_previous_one_is_still_open() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.LossySequence), events =>
        {
            var world = WorldGen.NewWorld();
            foreach (var ev in events)
            {
                world.Apply(ev);
                if (world.MostConnectionsAtOnce > 1) return false.Label($"two connections of one user open at once after {ev}");
            }
            return true.ToProperty();
        });

    private static Property NoChainCutShort(Func<World> newWorld) =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = newWorld();
            foreach (var ev in events) world.Apply(ev);
            world.Calm();
            world.AdvanceBy(LongestWaitMs);
            var cut = world.CutShort.FirstOrDefault();
            return (world.CutShort.Count == 0).Label($"{cut.User} at {cut.AtMs}: {cut.Input} dropped after {Exports.Interpreter.MaxDecisions} decisions in one call");
        });

    [Property(MaxTest = Runs)]
    public Property No_call_needs_more_decisions_than_the_interpreter_allows() => NoChainCutShort(() => WorldGen.NewWorld());

    [Property(MaxTest = Runs)]
    public Property Nor_with_art_links_uploads_and_failing_HTTP() => NoChainCutShort(WorldGen.ArtWorldWithFailingHttp);
}
