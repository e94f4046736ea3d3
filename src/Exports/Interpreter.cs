using System.Text;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports.Discord;
using Navidrome.DiscordPresence.Exports.Host;
using Navidrome.DiscordPresence.Exports.Seam;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Exports.State;

namespace Navidrome.DiscordPresence.Exports;

/// <summary>
/// The one interpreter: for one user it loads the state parts the input needs, asks the core, then carries the
/// effects out in order against Navidrome's host services, the state writes among them (the core puts them first:
/// some effects call the plugin back at once, a plugin-initiated close runs on_close before it returns, a new
/// connection's Hello can arrive while connect is still returning, and those calls must see the new state).
/// Answers (a failed connect, send or schedule, an HTTP response) go back into the core as inputs, a bounded number of times;
/// an answer that needs more state or config than the call has read so far reads it first.
/// </summary>
internal sealed class Interpreter(IPluginHost host, CallConfig config, HostFunctions functions)
{
    /// <summary>
    /// Bound on decisions per call, so a misbehaving answer loop cannot eat Navidrome's 30 s budget. The longest
    /// honest call is an art lookup: the timer, then up to six answers (Navidrome, the Cover Art Archive twice, the
    /// cover, the upload, the registration), each of which may change the presence and so claim a presence slot,
    /// whose answer is one more decision (GatewayProperties checks the simulated calls stay within this).
    /// A chain cut short is logged with the kinds it dropped; the property World enforces the same bound and fails
    /// when a normal run reaches it.
    /// </summary>
    public const int MaxDecisions = 16;

    private readonly StateStore store = new(functions, host.Log);

    /// <summary>Decides <paramref name="input"/> for <paramref name="user"/> and carries the effects out.</summary>
    public void Run(Input input, string user)
    {
        var pending = new Queue<Input>();
        pending.Enqueue(input);
        var loaded = StatePart.None;
        UserState state = UserState.Initial;
        var stale = true;
        for (var decisions = 0; pending.Count > 0 && decisions < MaxDecisions; decisions++)
        {
            var next = pending.Dequeue();
            var needs = InputNeeds.Of(next);
            var view = config.View(needs.Config);
            // A close ran on_close in another instance, which may have moved the session on: read it again.
            if (stale || (needs.Parts & ~loaded) != 0)
            {
                switch (Load(user, next, needs.Parts, view))
                {
                    case StateLoad.Loaded read:
                        (state, loaded) = (read.State, needs.Parts);
                        break;
                    case StateLoad.Unavailable unavailable:
                        // Deciding from made-up initial state would do harm (a second connection, a forgotten track),
                        // so the rest of this call is dropped (after the store's own retries). What it carried comes
                        // again: a player's state with its next report, and at the latest when the play it left
                        // showing ends (the wake timer the last report armed); a timer's work with the next refresh or
                        // report; an awaited frame through the deadline of the phase that waits for it.
                        host.Log(LogLevel.Warn, $"user '{user}': could not read stored state '{unavailable.Key}' ({unavailable.Error}); "
                            + $"{Kinds([next, .. pending])} not decided, the next call decides again");
                        return;
                }
                stale = false;
            }
            var step = Core.Decide(next, user, state, view, new Moment(host.NowUnixMs(), host.NextRandom()));
            state = step.State;
            foreach (var effect in step.Effects)
            {
                if (Carry(effect) is { } answer) pending.Enqueue(answer);
                stale |= effect is Effect.Close;
            }
        }
        if (pending.Count > 0)
            host.Log(LogLevel.Warn, $"user '{user}': stopped after {MaxDecisions} decisions in one call; not decided: {Kinds(pending)}");
    }

    /// <summary>The kinds of some inputs, for a log line (never their contents: no ids, no tokens).</summary>
    private static string Kinds(IEnumerable<Input> inputs) => string.Join(", ", inputs.Select(i => i.GetType().Name));

    /// <summary>
    /// Carries out effects that concern no user's state (plugin start-up: the wake-ups) and gives back the schedules
    /// the host refused (other than as existing), for the caller to decide in the call of the user each one wakes.
    /// </summary>
    public IReadOnlyList<Input.ScheduleFailed> CarryOut(EquatableArray<Effect> effects)
    {
        List<Input.ScheduleFailed> refused = [];
        foreach (var effect in effects)
            if (Carry(effect) is Input.ScheduleFailed { Failure: not HostFailure.AlreadyExists } failed) refused.Add(failed);
        return refused;
    }

    private StateLoad Load(string user, Input input, StatePart parts, ConfigView view) =>
        view is ConfigView.Parsed { Config: var parsed }
            ? store.Load(user, parts, loaded => Core.TrackInFocus(input, user, loaded, parsed, host.NowUnixMs()), TrackEntries.For(parsed))
            : store.Load(user, parts, _ => null, TrackEntries.None);

    /// <summary>Carries one effect out; returns the answer the core must hear, if any.</summary>
    private Input? Carry(Effect effect)
    {
        switch (effect)
        {
            case Effect.Connect c:
                return functions.WebSocketConnect(c.Url, c.ConnectionId) is { } connectError ? new Input.ConnectFailed(c.ConnectionId, HostFailureText.Classify(connectError)) : null;
            case Effect.Send s:
                if (GatewayWire.Serialize(s.Frame, config.Tokens.For) is not { } text)
                {
                    host.Log(LogLevel.Error, $"no Discord token configured for the user of connection '{s.ConnectionId}'; frame not sent");
                    return new Input.SendFailed(s.ConnectionId, new HostFailure.Failed("no token configured"));
                }
                return functions.WebSocketSendText(s.ConnectionId, text) is { } sendError ? new Input.SendFailed(s.ConnectionId, HostFailureText.Classify(sendError)) : null;
            case Effect.Close c:
                var closeError = functions.WebSocketClose(c.ConnectionId, c.Code, c.Reason);
                // Already gone (its close callback's decision was lost, or a peer close beat ours): no on_close comes
                // for this close, so this call decides it, as on_close would have with our code.
                if (closeError is not null && HostFailureText.Classify(closeError) is HostFailure.NotFound)
                    return new Input.SocketClosed(c.ConnectionId, c.Code, c.Reason);
                Report(closeError, LogLevel.Debug, "closing a gateway connection");
                return null;
            case Effect.ScheduleOnce once:
                return Refused(once.ScheduleId, once.DelaySeconds, functions.ScheduleOnce(once.DelaySeconds, once.Payload, once.ScheduleId));
            case Effect.Claim claim:
                return Claim(claim);
            case Effect.ScheduleRecurring every:
                return Refused(every.ScheduleId, every.EverySeconds, functions.ScheduleRecurring($"@every {every.EverySeconds}s", every.Payload, every.ScheduleId));
            case Effect.CancelSchedule cancel:
                var cancelError = functions.CancelSchedule(cancel.ScheduleId);
                // Not found: the schedule already fired or was cancelled, which is what we wanted.
                if (cancelError is not null && HostFailureText.Classify(cancelError) is not HostFailure.NotFound)
                    host.Log(LogLevel.Warn, $"cancelling schedule '{cancel.ScheduleId}': {cancelError}");
                return null;
            case Effect.CacheSet set:
                Persist(() => functions.CacheSetString(set.Key, set.Value, set.TtlSeconds), $"caching '{set.Key}'");
                return null;
            case Effect.CacheRemove remove:
                Persist(() => functions.CacheRemove(remove.Key), $"removing '{remove.Key}' from the cache");
                return null;
            case Effect.KvSet set:
                Persist(() => functions.KvSet(set.Key, set.Value), $"storing '{set.Key}'");
                return null;
            case Effect.KvDelete delete:
                Persist(() => functions.KvDelete(delete.Key), $"deleting '{delete.Key}'");
                return null;
            case Effect.Http http:
                return new Input.HttpAnswered(http.Tag, HttpCall.Send(functions, http, config.Tokens));
            case Effect.ArtworkUrl art:
                var (url, artError) = functions.ArtworkTrackUrl(art.TrackId, art.Size);
                return new Input.ArtworkAnswered(art.Tag, url, artError);
            case Effect.SubsonicRaw raw:
                var (contentType, data, rawError) = functions.SubsonicCallRaw(raw.Uri);
                return new Input.SubsonicAnswered(raw.Tag, contentType, data, rawError);
            case Effect.SubsonicCall call:
                var (json, callError) = functions.SubsonicCall(call.Uri);
                return new Input.SubsonicCallAnswered(call.Tag, json, callError);
            case Effect.Log log:
                host.Log(log.Level, log.Message);
                return null;
            default:
                throw new System.Diagnostics.UnreachableException(effect.GetType().Name);
        }
    }

    /// <summary>
    /// Tries the claim's ids in order until the scheduler accepts one. A refusal (already exists) means another call
    /// holds that lock; another failure is tried past too, in case it passes, and reported if no id was won.
    /// </summary>
    private Input.Claimed Claim(Effect.Claim claim)
    {
        Input.Claimed? failed = null;
        foreach (var id in claim.ScheduleIds)
        {
            if (functions.ScheduleOnce(claim.Seconds, id, id) is not { } error) return new Input.Claimed(id, ClaimResult.Won);
            if (HostFailureText.Classify(error) is HostFailure.AlreadyExists) continue;
            host.Log(LogLevel.Warn, $"claiming '{id}': {error}");
            failed ??= new Input.Claimed(id, ClaimResult.Failed);
        }
        return failed ?? new Input.Claimed(claim.ScheduleIds[^1], ClaimResult.Taken);
    }

    /// <summary>
    /// A refused schedule as the core hears it. Already exists is no answer: another call armed this very timer (ids
    /// are our locks), so nothing is lost and there is nothing to decide; answering it would spend a decision of the
    /// call's bound on every re-arm of the art and link timers.
    /// </summary>
    private static Input.ScheduleFailed? Refused(string scheduleId, int delaySeconds, string? error) =>
        error is not null && HostFailureText.Classify(error) is var failure and not HostFailure.AlreadyExists
            ? new Input.ScheduleFailed(scheduleId, delaySeconds, failure)
            : null;

    /// <summary>
    /// Attempts per state write, as per read (<see cref="StateStore.ReadAttempts"/>): the failures a write meets (a
    /// locked SQLite database behind the KV store, a busy host) clear in milliseconds, and a lost write costs more than
    /// a retry: a playback report's write lost is that playback forgotten until the player's next report, a session's
    /// write lost leaves a connection the stored session does not know (GatewaySession.Strays.cs closes it).
    /// </summary>
    public const int WriteAttempts = StateStore.ReadAttempts;

    /// <summary>Carries out one state write, tried again at once when the host fails it; one warning naming the key if it never succeeds.</summary>
    private void Persist(Func<string?> write, string doing)
    {
        string? error = null;
        for (var attempt = 0; attempt < WriteAttempts; attempt++)
            if ((error = write()) is null) return;
        host.Log(LogLevel.Warn, $"{doing} failed {WriteAttempts} times ({error}); later calls decide from what was stored before");
    }

    private void Report(string? error, LogLevel level, string doing)
    {
        if (error is not null) host.Log(level, $"{doing}: {error}");
    }
}
