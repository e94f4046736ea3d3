using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Exports.Discord;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>
/// Invariants of the whole core, checked over generated worlds: several users and players, every report state,
/// NowPlaying interleaved with PlaybackReport, time passing, and Discord dropping, closing with every code,
/// asking to reconnect, invalidating sessions and withholding ACKs.
/// </summary>
public class GatewayProperties
{
    private const int Runs = 1000;

    private static World Run(WorldEvent[] events, bool settle = true)
    {
        var world = WorldGen.NewWorld();
        foreach (var ev in events) world.Apply(ev);
        if (settle) Settle(world);
        return world;
    }

    /// <summary>Discord turns cooperative, the host reliable, and time runs long enough for every backoff and flush to pass.</summary>
    private static void Settle(World world)
    {
        world.Calm();
        world.AdvanceBy(200_000);
        world.AdvanceBy(200_000);
    }

    [Property(MaxTest = Runs)]
    public Property Once_things_settle_Discord_shows_each_users_desired_presence() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events);
            foreach (var user in new[] { "alice", "bob" })
            {
                // 4010–4014 stop a good token too (they are our bugs, not the user's): nothing to show then.
                if (world.StateOf(user).Token.RejectedFingerprint is not null) continue;
                var desired = Core.Desired(world.StateOf(user), world.Config, world.NowMs);
                var connection = world.OpenConnectionOf(user);
                var lastShown = connection is null ? null : world.SentFrames.LastOrDefault(f => f.ConnectionId == connection && f.Presence is not null)?.Presence;
                if (desired.IsClear)
                {
                    if (lastShown is { IsClear: false }) return false.Label($"{user}: shows {lastShown} but should show nothing");
                }
                else if (lastShown is null || PresenceDiff.Differs(lastShown, desired))
                    return false.Label($"{user}: connection {connection} shows {lastShown?.ToString() ?? "nothing"}, wants {desired}");
            }
            return true.ToProperty();
        });

    [Property(MaxTest = Runs)]
    public Property Every_presence_sent_is_the_desired_presence_of_that_moment() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events, settle: false);
            foreach (var decision in world.Decisions)
                foreach (var (presence, identify) in Presences(decision.Step.Effects))
                {
                    // An identify cannot know yet what the user's other sessions show: it carries a clear while watching for them.
                    var desired = identify && world.Config.YieldToOtherApps
                        ? PresenceUpdate.Clear(presence.Status)
                        : Core.Desired(decision.Step.State, world.Config, decision.AtMs);
                    if (PresenceDiff.Differs(presence, desired) || PresenceDiff.Differs(desired, presence))
                        return false.Label($"at {decision.AtMs} after {decision.Input}: sent {presence}, desired {desired}");
                }
            return true.ToProperty();
        });

    [Property(MaxTest = Runs)]
    public Property A_player_that_does_not_own_the_presence_never_changes_it_by_pausing_or_stopping() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.CalmSequence), events =>
        {
            var world = Run(events, settle: false);
            foreach (var d in world.Decisions)
            {
                if (d.Input is not Input.PlaybackReported { Report: var r } || r.State is ReportState.Starting or ReportState.Playing) continue;
                if (!d.Before.Host.SendsPlaybackReports || d.Before.Playback.Owner == r.PlayerId) continue;
                var before = Core.Desired(d.Before, world.Config, d.AtMs);
                var after = Core.Desired(d.Step.State, world.Config, d.AtMs);
                if (before != after) return false.Label($"{r.PlayerId} ({r.State}) changed {before} to {after}");
            }
            return true.ToProperty();
        });

    [Property(MaxTest = Runs)]
    public Property After_the_owning_player_stops_and_no_other_plays_the_last_presence_sent_is_a_clear() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.CalmSequence), events =>
        {
            var world = WorldGen.NewWorld();
            foreach (var ev in events) world.Apply(ev);
            // Every player of alice stops (web and phone alike), then time settles.
            for (var player = 0; player < 3; player++) world.Apply(new WorldEvent.Report(0, player, ReportState.Stopped, 0, 0, 1));
            world.AdvanceBy(30_000);
            var state = world.StateOf("alice");
            if (!state.Host.SendsPlaybackReports) return true.ToProperty().Label("NowPlaying-only host: covered by the NowPlaying end timer");
            var last = world.SentFrames.LastOrDefault(f => f.User == "alice" && f.Presence is not null)?.Presence;
            return (last is null || last.IsClear).Label($"last presence sent: {last}");
        });

    [Property(MaxTest = Runs)]
    public Property The_same_presence_is_never_sent_twice_in_a_row_on_one_connection() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events, settle: false);
            var last = new Dictionary<string, PresenceUpdate>();
            foreach (var d in world.Decisions)
            {
                foreach (var send in d.Step.Effects.OfType<Effect.Send>())
                {
                    // Discord may ignore identify's presence: the first update after READY repeats it on purpose.
                    if (send.Frame is GatewayFrame.Identify) { last.Remove(send.ConnectionId); continue; }
                    if (send.Frame is not GatewayFrame.UpdatePresence p) continue;
                    if (last.TryGetValue(send.ConnectionId, out var previous) && !PresenceDiff.Differs(previous, p.Presence))
                        return false.Label($"sent twice on {send.ConnectionId}: {p.Presence}");
                    last[send.ConnectionId] = p.Presence;
                }
            }
            return true.ToProperty();
        });

    [Property(MaxTest = Runs)]
    public Property A_heartbeat_carries_the_last_sequence_number_received_or_null() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events);
            var wrong = world.Heartbeats.FirstOrDefault(h => ((GatewayFrame.Heartbeat)h.Frame.Frame).Sequence != h.LastGiven);
            return (wrong.Frame is null).Label($"{wrong.Frame} when the last sequence number given was {wrong.LastGiven}");
        });

    [Property(MaxTest = Runs)]
    public Property No_identify_while_Discord_would_resume_the_session() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events);
            return (world.NeedlessIdentifies.Count == 0).Label($"identified while resumable: {string.Join(", ", world.NeedlessIdentifies)}");
        });

    [Property(MaxTest = Runs)]
    public Property After_Discord_rejects_a_token_nothing_more_is_sent_for_it() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events);
            var rejection = world.Decisions.FindIndex(d => d.User == "carol" && d.Input is Input.SocketClosed { Code: 4004 });
            if (rejection < 0) return true.ToProperty();
            var after = world.Decisions.Skip(rejection).Where(d => d.User == "carol")
                .SelectMany(d => d.Step.Effects)
                .Count(e => e is Effect.Connect or Effect.Send or Effect.Http);
            var frames = world.SentFrames.Count(f => f.User == "carol" && f.AtMs > world.Decisions[rejection].AtMs);
            return (after == 0 && frames == 0).Label($"{after} effects and {frames} frames after 4004");
        });

    [Property(MaxTest = Runs)]
    public Property Sends_stay_within_Discords_rate_limits_in_every_window() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events);
            foreach (var byConnection in world.SentFrames.GroupBy(f => f.ConnectionId))
            {
                var times = byConnection.Select(f => f.AtMs).ToArray();
                if (MaxInWindow(times, 60_000) > 120) return false.Label($"{byConnection.Key}: more than 120 sends in 60 s");
            }
            foreach (var byUser in world.SentFrames.Where(f => f.Frame is GatewayFrame.UpdatePresence).GroupBy(f => f.User))
            {
                var max = MaxInWindow(byUser.Select(f => f.AtMs).ToArray(), 20_000);
                if (max > 5) return false.Label($"{byUser.Key}: {max} presence updates in 20 s");
            }
            return true.ToProperty();
        });

    [Property(MaxTest = Runs)]
    public Property Once_ready_or_resumed_the_desired_presence_goes_out_within_one_window() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events, settle: false);
            for (var i = 0; i < world.Decisions.Count; i++)
            {
                var d = world.Decisions[i];
                if (d.Input is not Input.FrameReceived { Frame: InboundFrame.Dispatch { Type: "READY" or "RESUMED" } } || d.Step.State.Session.Phase != Phase.Ready) continue;
                var desired = Core.Desired(d.Step.State, world.Config, d.AtMs);
                if (desired.IsClear) continue;
                // The send waits for a presence slot: what READY decided is carried out by the claim's answer.
                var answer = d.Step.Effects.Any(e => e is Effect.Claim)
                    ? world.Decisions.Skip(i + 1).First(a => a.User == d.User && a.Input is Input.Claimed).Step.Effects
                    : d.Step.Effects;
                var sent = Presences(answer).Any(p => !PresenceDiff.Differs(p.Presence, desired));
                var flushed = answer.OfType<Effect.ScheduleOnce>().Any(s => s.ScheduleId.StartsWith("flush:", StringComparison.Ordinal) && s.DelaySeconds <= SentPresence.SlotSeconds);
                if (!sent && !flushed) return false.Label($"{d.User}: {d.Input} neither sent {desired} nor scheduled a flush");
            }
            return true.ToProperty();
        });

    [Property(MaxTest = Runs)]
    public Property No_call_needs_more_decisions_than_the_interpreter_makes() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = WorldGen.NewWorld(links: LinkMode.Spotify, uguu: true);
            foreach (var ev in events) world.Apply(ev);
            world.AdvanceBy(200_000);
            return (world.LongestCall <= Exports.Interpreter.MaxDecisions).Label($"a call made {world.LongestCall} decisions");
        });

    [Property(MaxTest = Runs)]
    public Property At_most_one_heartbeat_schedule_is_live_per_user() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = WorldGen.NewWorld();
            foreach (var ev in events)
            {
                world.Apply(ev);
                // A stale schedule may live until its next tick, where it cancels itself; so check after one beat.
                var live = WorldGen.UserNames.Max(world.HeartbeatSchedulesOf);
                if (live > 2) return false.Label($"{live} heartbeat schedules after {ev}");
            }
            world.AdvanceBy(World.HelloIntervalMs + 1_000);
            var settled = WorldGen.UserNames.Max(world.HeartbeatSchedulesOf);
            return (settled <= 1).Label($"{settled} heartbeat schedules after a beat");
        });

    [Property(MaxTest = Runs)]
    public Property Every_frame_sent_is_valid_JSON_and_every_presence_fits_Discords_field_limits() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events, settle: false);
            foreach (var sent in world.SentFrames)
            {
                // Every frame as it goes on the wire is JSON Discord can read, with a status it accepts.
                using var json = JsonDocument.Parse(GatewayWire.Serialize(sent.Frame, user => "token-of-" + user)!);
                var d = json.RootElement.GetProperty("d");
                var presence = sent.Frame switch { GatewayFrame.Identify => d.GetProperty("presence"), GatewayFrame.UpdatePresence => d, _ => (JsonElement?)null };
                if (presence is { } p && (p.GetProperty("activities").ValueKind != JsonValueKind.Array
                    || p.GetProperty("status").GetString() is not ("online" or "idle" or "dnd" or "invisible")))
                    return false.Label($"wire presence {p}");
            }
            foreach (var presence in world.SentFrames.Select(f => f.Presence).OfType<PresenceUpdate>())
                foreach (var a in presence.Activities)
                {
                    string?[] texts = [a.Details, a.State, a.Assets?.LargeText, a.Assets?.SmallText];
                    if (Runes(a.Name) is < 1 or > 128) return false.Label($"name '{a.Name}'");
                    if (texts.Any(t => t is not null && Runes(t) is < 2 or > 128)) return false.Label($"a text field of {a}");
                    string?[] urls = [a.DetailsUrl, a.StateUrl, a.Assets?.LargeUrl];
                    if (urls.Any(u => u is not null && Encoding.UTF8.GetByteCount(u) > 256)) return false.Label($"a URL of {a}");
                }
            return true.ToProperty();
        });

    private static int Runes(string text) => text.EnumerateRunes().Count();

    /// <summary>The presences sent among <paramref name="effects"/>, each with whether an identify carried it.</summary>
    private static IEnumerable<(PresenceUpdate Presence, bool Identify)> Presences(EquatableArray<Effect> effects) =>
        effects.OfType<Effect.Send>().SelectMany(s => s.Frame switch
        {
            GatewayFrame.UpdatePresence p => [(p.Presence, false)],
            GatewayFrame.Identify i => [(i.Presence, true)],
            _ => Array.Empty<(PresenceUpdate, bool)>(),
        });

    private static int MaxInWindow(long[] times, long windowMs)
    {
        Array.Sort(times);
        var max = 0;
        for (int start = 0, end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= windowMs) start++;
            max = Math.Max(max, end - start + 1);
        }
        return max;
    }
}
