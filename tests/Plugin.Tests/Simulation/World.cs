using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Exports;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>
/// A whole world around the pure core, without sockets: Navidrome's scheduler and sockets, and a Discord that
/// answers like the real one (Hello after connect, READY after identify, RESUMED after a valid resume, ACKs,
/// 4004 for a bad token). Every decision, effect and frame is recorded for the properties to check.
/// It models Navidrome's semantics that matter to the core: a plugin close echoes on_close at once; ids are
/// refused while taken; a one-time schedule is removed after its callback. The user's other Discord sessions may show
/// another player's Listening activity: READY lists it, and a SESSIONS_REPLACE follows each change and each presence
/// update of ours (as the frame reader hands them over: read only while <c>yieldtootherapps</c> is on).
/// </summary>
public sealed class World
{
    public const long StartMs = 1_800_000_000_000;

    /// <summary>How long after a track change what its lookups found shows: their timers run, then the wake that
    /// settles them (GatewaySession.SettleSeconds) sends once.</summary>
    public const long LookupsShownMs = (Domain.Gateway.GatewaySession.SettleSeconds + 1) * 1000L;
    public const int HelloIntervalMs = 41_250;

    private readonly Dictionary<string, UserState> states = [];
    private readonly Dictionary<string, (long DueMs, long EveryMs, long Order)> timers = [];
    private readonly Dictionary<string, ServerConnection> connections = [];
    private readonly Dictionary<string, string?> validSessions = [];
    private readonly Dictionary<string, long> resumableUntil = [];
    private readonly Dictionary<string, long?> lastSequence = [];
    private readonly Dictionary<string, string?> announcedSessions = [];
    private readonly HashSet<string> withholding = [];
    private readonly Dictionary<string, string?> otherPlayers = [];
    private readonly HashSet<string> failingConnects = [];
    private readonly HashSet<string> failingSchedules = [];
    private readonly HashSet<string> losingTimers = [];
    private readonly HashSet<string> breakingSends = [];
    private readonly HashSet<(string User, string KeyPrefix)> losingWrites = [];
    private readonly Queue<(Input Input, string User, int Call)> inbox = new();
    private readonly Dictionary<int, int> decisionsPerCall = [];
    private int currentCall, calls;
    private long timerOrder;
    private int jitterStep;

    public World(PluginConfig config, IReadOnlyList<string> badTokenUsers)
    {
        Config = config;
        BadTokenUsers = badTokenUsers;
    }

    public PluginConfig Config { get; }
    public IReadOnlyList<string> BadTokenUsers { get; }
    public long NowMs { get; private set; } = StartMs;
    public List<Decision> Decisions { get; } = [];
    public List<Sent> SentFrames { get; } = [];

    /// <summary>Identify frames sent while Discord still held a resumable session the plugin knew about.</summary>
    public List<Sent> NeedlessIdentifies { get; } = [];

    /// <summary>Heartbeats, each with the last sequence number the plugin had been given when it was sent.</summary>
    public List<(Sent Frame, long? LastGiven)> Heartbeats { get; } = [];

    /// <summary>One call of the core, as recorded.</summary>
    public sealed record Decision(long AtMs, string User, Input Input, UserState Before, Step Step);

    /// <summary>How long Discord keeps a session resumable after its connection ended.</summary>
    public const long ResumeWindowMs = 120_000;

    /// <summary>The last dispatch sequence number the plugin was given on the user's current Discord session, or null.</summary>
    public long? LastSequenceOf(string user) => lastSequence.GetValueOrDefault(user);

    /// <summary>True when Discord would let the user resume a session now.</summary>
    public bool HasResumableSession(string user) =>
        validSessions.GetValueOrDefault(user) is not null
        && (OpenConnectionOf(user) is not null || NowMs <= resumableUntil.GetValueOrDefault(user));

    /// <summary>Recurring heartbeat schedules currently armed for a user.</summary>
    public int HeartbeatSchedulesOf(string user) =>
        timers.Count(t => t.Value.EveryMs > 0 && GatewayIds.TryParseSchedule(t.Key, out var kind, out _, out var u) && u == user && kind == TimerKind.Heartbeat);

    /// <summary>The most connections one user ever had open at the same time.</summary>
    public int MostConnectionsAtOnce { get; private set; }

    public UserState StateOf(string user) => states.GetValueOrDefault(user, UserState.Initial);

    /// <summary>The name of the Listening activity another player shows on one of the user's other sessions, or null.</summary>
    public string? OtherPlayerOf(string user) => otherPlayers.GetValueOrDefault(user);

    /// <summary>The session id of our own session on the user's open connection, if it reached READY or RESUMED.</summary>
    private const string OtherSessionId = "desktop-session";

    /// <summary>
    /// What the frame reader makes of the user's session list: null while the switch is off (not read); else the
    /// other player's activity on its own session, and ours listed under our own session id, as if Discord had left
    /// out its application id (the core must still know it for ours by the session).
    /// </summary>
    private ListeningSeen? ListeningFor(string user)
    {
        if (!Config.YieldToOtherApps) return null;
        List<ListeningActivity> seen = [];
        if (otherPlayers.GetValueOrDefault(user) is { } other) seen.Add(new ListeningActivity(OtherSessionId, other));
        if (validSessions.GetValueOrDefault(user) is { } own && jitterStep % 2 == 0) seen.Add(new ListeningActivity(own, "Navidrome"));
        return new ListeningSeen([.. seen]);
    }

    /// <summary>Discord tells the user's open, identified session what all their sessions show.</summary>
    private void SessionsReplace(string id, string user)
    {
        if (!connections.TryGetValue(id, out var connection) || !connection.Identified) return;
        Enqueue(new Input.FrameReceived(id, new InboundFrame.Dispatch(++connection.Sequence, FrameReader.SessionsReplace, null, ListeningFor(user))), user);
    }

    /// <summary>The effects of the user's decisions from decision number <paramref name="decision"/> on.</summary>
    public Effect[] EffectsSince(int decision, string user) =>
        [.. Decisions.Skip(decision).Where(d => d.User == user).SelectMany(d => d.Step.Effects)];

    /// <summary>The user's gateway session as stored (what the next call reads), which a lost write leaves behind the last decision's.</summary>
    public SessionState StoredSessionOf(string user) => Stored(user, StatePart.Session).Session;

    /// <summary>The user's playback as stored.</summary>
    public PlaybackState StoredPlaybackOf(string user) => Stored(user, StatePart.Playback).Playback;

    private UserState Stored(string user, StatePart part) =>
        StoredState.Load(user, part, key => StoredRead.Of(store.GetValueOrDefault(key)), _ => null, TrackEntries.None, (_, _) => { }) is StateLoad.Loaded loaded
            ? loaded.State
            : UserState.Initial;

    /// <summary>Every connection the simulated Discord holds open for a user.</summary>
    public IEnumerable<string> OpenConnectionsOf(string user) => connections.Where(c => c.Value.User == user).Select(c => c.Key);

    /// <summary>The connection the simulated Discord holds open for a user, if any.</summary>
    public string? OpenConnectionOf(string user) =>
        connections.Where(c => c.Value.User == user).Select(c => c.Key).LastOrDefault();

    /// <summary>Applies one event and everything it causes.</summary>
    public void Apply(WorldEvent ev)
    {
        switch (ev)
        {
            case WorldEvent.Report r:
                var report = new PlaybackReport(Tracks.Get(r.Track), r.State, r.PositionSeconds * 1000L, r.Rate, $"player-{r.Player}", Tracks.PlayerName(r.Player), NowMs);
                Deliver(new Input.PlaybackReported(UserName(r.User), report), UserName(r.User));
                break;
            case WorldEvent.NowPlaying n:
                Deliver(new Input.NowPlayingReported(UserName(n.User), Tracks.Get(n.Track), n.PositionSeconds * 1000L), UserName(n.User));
                break;
            case WorldEvent.Advance a:
                AdvanceBy(a.Seconds * 1000L);
                break;
            case WorldEvent.Drop d:
                ServerSide(d.User, (id, user) => { Ended(id, user); Deliver(new Input.SocketFailed(id, "read: connection reset by peer"), user); });
                break;
            case WorldEvent.CloseWith c:
                ServerSide(c.User, (id, user) => ServerClose(id, user, c.Code));
                break;
            case WorldEvent.Reconnect r:
                ServerSide(r.User, (id, user) => Deliver(new Input.FrameReceived(id, new InboundFrame.Reconnect()), user));
                break;
            case WorldEvent.InvalidSession i:
                ServerSide(i.User, (id, user) =>
                {
                    if (!i.Resumable) { validSessions[user] = null; connections[id].Identified = false; }
                    Deliver(new Input.FrameReceived(id, new InboundFrame.InvalidSession(i.Resumable)), user);
                });
                break;
            case WorldEvent.Noise n:
                ServerSide(n.User, (id, user) => Deliver(new Input.FrameReceived(id, new InboundFrame.Dispatch(++connections[id].Sequence, "MESSAGE_CREATE", null)), user));
                break;
            case WorldEvent.OtherPlayer o:
                otherPlayers[UserName(o.User)] = o.Player;
                ServerSide(o.User, (id, user) => { SessionsReplace(id, user); Drain(); });
                break;
            case WorldEvent.SessionsEcho e:
                ServerSide(e.User, (id, user) => { SessionsReplace(id, user); Drain(); });
                break;
            case WorldEvent.HeartbeatRequest h:
                ServerSide(h.User, (id, user) => Deliver(new Input.FrameReceived(id, new InboundFrame.HeartbeatRequest()), user));
                break;
            case WorldEvent.WithholdAcks w:
                if (w.Withhold) withholding.Add(UserName(w.User)); else withholding.Remove(UserName(w.User));
                break;
            case WorldEvent.FailNextConnect f:
                failingConnects.Add(UserName(f.User));
                break;
            case WorldEvent.FailNextSchedule f:
                failingSchedules.Add(UserName(f.User));
                break;
            case WorldEvent.LoseNextTimer l:
                losingTimers.Add(UserName(l.User));
                break;
            case WorldEvent.BreakNextSend b:
                breakingSends.Add(UserName(b.User));
                break;
            case WorldEvent.LoseNextWrite l:
                losingWrites.Add((UserName(l.User), l.KeyPrefix));
                break;
            default:
                throw new InvalidOperationException(ev.ToString());
        }
    }

    /// <summary>Users whose next claim the scheduler fails (as a failing scheduler fails any one-time schedule).</summary>
    public HashSet<string> FailingClaims { get; } = [];

    /// <summary>Discord turns cooperative and the host reliable: pending faults are dropped, ACKs flow again.</summary>
    public void Calm()
    {
        withholding.Clear();
        failingConnects.Clear();
        failingSchedules.Clear();
        losingTimers.Clear();
        breakingSends.Clear();
        losingWrites.Clear();
    }

    /// <summary>Runs time forward, firing due timers in order.</summary>
    public void AdvanceBy(long ms)
    {
        var target = NowMs + ms;
        while (timers.Where(t => t.Value.DueMs <= target).OrderBy(t => t.Value.DueMs).ThenBy(t => t.Value.Order).FirstOrDefault() is { Key: not null } due)
        {
            NowMs = Math.Max(NowMs, due.Value.DueMs);
            var (id, (_, every, _)) = (due.Key, due.Value);
            if (every > 0) timers[id] = (NowMs + every, every, ++timerOrder);
            var user = GatewayIds.TryParseSchedule(id, out _, out _, out var u) ? u : "";
            Deliver(new Input.TimerFired(id, id), user);
            // Navidrome removes a one-time entry after its callback returns.
            if (every == 0 && timers.TryGetValue(id, out var entry) && entry.DueMs <= NowMs) timers.Remove(id);
        }
        NowMs = target;
    }

    private void ServerSide(int userIndex, Action<string, string> act)
    {
        var user = UserName(userIndex);
        if (OpenConnectionOf(user) is { } id) act(id, user);
    }

    private void Ended(string id, string user)
    {
        connections.Remove(id);
        resumableUntil[user] = NowMs + ResumeWindowMs;
    }

    private void ServerClose(string id, string user, int code)
    {
        Ended(id, user);
        if (code is 4003 or 4007 or 4009 or 4015 or 4016 or 1000 or 1001) validSessions[user] = null;
        // Navidrome reports 1000/1001/1005 through on_close and other codes through on_error; the bindings read the
        // code out of either, so the core sees one input for both.
        Deliver(new Input.SocketClosed(id, code, "closed by Discord"), user);
    }

    public string UserName(int index) => Config.Users[index % Config.Users.Count].Username;

    private void Deliver(Input input, string user)
    {
        Enqueue(input, user);
        if (inbox.Count > 1) return; // already draining: the host runs callbacks one after another here
        Drain();
    }

    private void Drain()
    {
        var guard = 0;
        while (inbox.Count > 0)
        {
            if (++guard > 10_000) throw new InvalidOperationException("the core does not settle: more than 10 000 decisions for one event");
            var (next, forUser, call) = inbox.Peek();
            // An answer is decided in the call that asked (the interpreter's loop); anything else is a call of its own.
            currentCall = IsAnswer(next) ? call : ++calls;
            if (decisionsPerCall.GetValueOrDefault(currentCall) < Interpreter.MaxDecisions)
            {
                decisionsPerCall[currentCall] = decisionsPerCall.GetValueOrDefault(currentCall) + 1;
                LongestCall = Math.Max(LongestCall, decisionsPerCall[currentCall]);
                Decide(next, forUser);
            }
            else
            {
                LongestCall = Interpreter.MaxDecisions + 1;
                CutShort.Add((NowMs, forUser, next));
            }
            inbox.Dequeue();
        }
    }

    private void Enqueue(Input input, string user) => inbox.Enqueue((input, user, currentCall));

    /// <summary>Answers dropped because their call had already made <see cref="Interpreter.MaxDecisions"/> decisions, as the interpreter drops them.</summary>
    public List<(long AtMs, string User, Input Input)> CutShort { get; } = [];

    /// <summary>External-assets requests Discord received: the URLs of each.</summary>
    public List<(long AtMs, string User, string[] Urls)> Registrations { get; } = [];

    /// <summary>When set, answers HTTP requests it returns an outcome for, before the default answers.</summary>
    public Func<Effect.Http, HttpOutcome?>? HttpOverride { get; set; }

    /// <summary>Every HTTP effect the core asked for.</summary>
    public List<Effect.Http> HttpRequests { get; } = [];

    private readonly Dictionary<StoreKey, string> store = [];

    /// <summary>The host's cache and KV store as the core's state writes left them.</summary>
    public IReadOnlyDictionary<StoreKey, string> Store => store;

    /// <summary>Decisions where deciding from only what the input needs differed from deciding from everything.</summary>
    public List<(Decision Full, Step Lean)> LeanMismatches { get; } = [];

    /// <summary>The parts of a user's state a real shell would load for this input from the stored text.</summary>
    private UserState Load(string user, Input input, StatePart parts) =>
        StoredState.Load(user, parts, key => StoredRead.Of(store.GetValueOrDefault(key)),
            loaded => Core.TrackInFocus(input, user, loaded, Config, NowMs), TrackEntries.For(Config),
            (key, problem) => throw new InvalidOperationException($"the core wrote '{key}' unreadably: {problem}")) switch
        {
            StateLoad.Loaded loaded => loaded.State,
            var unavailable => throw new InvalidOperationException($"the simulated store never fails a read: {unavailable}"),
        };

    private ConfigView ViewFor(ConfigReach reach, string user) => reach switch
    {
        ConfigReach.None => new ConfigView.Unread(),
        ConfigReach.Enablement => new ConfigView.Enablement(ConfigView.Enables(Config, user)),
        _ => new ConfigView.Parsed(Config),
    };

    /// <summary>Answers come back within the call that asked, which keeps its state in memory (the interpreter's loop).</summary>
    private static bool IsAnswer(Input input) =>
        input is Input.HttpAnswered or Input.ArtworkAnswered or Input.SubsonicAnswered or Input.SubsonicCallAnswered
            or Input.ConnectFailed or Input.SendFailed or Input.ScheduleFailed or Input.Claimed;

    private static string KeyOf(Effect write) => write switch
    {
        Effect.CacheSet set => set.Key,
        Effect.CacheRemove remove => remove.Key,
        Effect.KvSet set => set.Key,
        Effect.KvDelete delete => delete.Key,
        _ => throw new InvalidOperationException(write.ToString()),
    };

    private void Write(Effect write)
    {
        switch (write)
        {
            case Effect.CacheSet set: store[new(Domain.State.Store.Cache, set.Key)] = set.Value; break;
            case Effect.CacheRemove remove: store.Remove(new(Domain.State.Store.Cache, remove.Key)); break;
            case Effect.KvSet set: store[new(Domain.State.Store.Kv, set.Key)] = set.Value; break;
            case Effect.KvDelete delete: store.Remove(new(Domain.State.Store.Kv, delete.Key)); break;
            default: throw new InvalidOperationException(write.ToString());
        }
    }

    /// <summary>The most decisions one call made (or wanted to make, when cut short): its input and the answers to its effects, transitively.</summary>
    public int LongestCall { get; private set; }

    private void Decide(Input input, string user)
    {
        if (input is Input.FrameReceived { Frame: InboundFrame.Dispatch { Sequence: { } seq } } f && connections.ContainsKey(f.ConnectionId))
            lastSequence[user] = seq;
        if (input is Input.FrameReceived { Frame: InboundFrame.InvalidSession { Resumable: false } })
            lastSequence[user] = null;
        var moment = new Moment(NowMs, NextJitter());
        var before = IsAnswer(input) ? StateOf(user) : Load(user, input, StatePart.All);
        var step = Core.Decide(input, user, before, Config, moment);
        var decision = new Decision(NowMs, user, input, before, step);
        if (!IsAnswer(input))
        {
            var needs = InputNeeds.Of(input);
            var lean = Core.Decide(input, user, Load(user, input, needs.Parts), ViewFor(needs.Config, user), moment);
            if (lean.Effects != step.Effects) LeanMismatches.Add((decision, lean));
        }
        states[user] = step.State;
        Decisions.Add(decision);
        foreach (var effect in step.Effects) Carry(effect, user);
    }

    private double NextJitter() => (jitterStep++ * 0.618034) % 1.0;

    private void Carry(Effect effect, string user)
    {
        switch (effect)
        {
            case Effect.Connect c:
                if (failingConnects.Remove(user)) { Enqueue(new Input.ConnectFailed(c.ConnectionId, new HostFailure.Failed("failed to connect: dial tcp: i/o timeout")), user); break; }
                if (connections.ContainsKey(c.ConnectionId)) { Enqueue(new Input.ConnectFailed(c.ConnectionId, new HostFailure.AlreadyExists($"connection ID \"{c.ConnectionId}\" already exists")), user); break; }
                connections[c.ConnectionId] = new ServerConnection(user) { Sequence = LastSequenceOf(user) ?? 0 };
                MostConnectionsAtOnce = Math.Max(MostConnectionsAtOnce, connections.Values.Count(open => open.User == user));
                Enqueue(new Input.FrameReceived(c.ConnectionId, new InboundFrame.Hello(HelloIntervalMs)), user);
                break;
            case Effect.Send s:
                if (!connections.TryGetValue(s.ConnectionId, out var connection)) { Enqueue(new Input.SendFailed(s.ConnectionId, new HostFailure.NotFound($"connection ID \"{s.ConnectionId}\" not found")), user); break; }
                if (breakingSends.Remove(user)) connection.Broken = true;
                if (connection.Broken) { Enqueue(new Input.SendFailed(s.ConnectionId, new HostFailure.Failed("failed to send text message: write: broken pipe")), user); break; }
                var sent = new Sent(NowMs, user, s.ConnectionId, s.Frame);
                SentFrames.Add(sent);
                if (s.Frame is GatewayFrame.Identify && HasResumableSession(user) && validSessions[user] == announcedSessions.GetValueOrDefault(user))
                    NeedlessIdentifies.Add(sent);
                if (s.Frame is GatewayFrame.Heartbeat) Heartbeats.Add((sent, LastSequenceOf(user)));
                Answer(s.ConnectionId, connection, s.Frame);
                break;
            case Effect.Close c:
                // Already gone: the interpreter answers the close itself, as on_close would have.
                if (!connections.ContainsKey(c.ConnectionId)) { Enqueue(new Input.SocketClosed(c.ConnectionId, c.Code, c.Reason), user); break; }
                Ended(c.ConnectionId, user);
                if (c.Code is 1000 or 1001) validSessions[user] = null;
                Enqueue(new Input.SocketClosed(c.ConnectionId, c.Code, c.Reason), user);
                break;
            case Effect.ScheduleOnce once:
                Arm(once.ScheduleId, once.DelaySeconds, 0, user);
                break;
            case Effect.Claim claim:
                // A claim is a one-time schedule, so the scheduler can fail it too (scripted by a test).
                if (FailingClaims.Remove(user)) { Enqueue(new Input.Claimed(claim.ScheduleIds[0], ClaimResult.Failed), user); break; }
                // Like Navidrome: a schedule id that exists is refused; the first free one is taken.
                var won = claim.ScheduleIds.FirstOrDefault(id => !timers.ContainsKey(id));
                if (won is not null) timers[won] = (NowMs + claim.Seconds * 1000L, 0, ++timerOrder);
                Enqueue(new Input.Claimed(won ?? claim.ScheduleIds[^1], won is null ? ClaimResult.Taken : ClaimResult.Won), user);
                break;
            case Effect.ScheduleRecurring every:
                Arm(every.ScheduleId, every.EverySeconds, every.EverySeconds * 1000L, user);
                break;
            case Effect.CancelSchedule cancel:
                timers.Remove(cancel.ScheduleId);
                break;
            case Effect.Http http:
                HttpRequests.Add(http);
                Enqueue(new Input.HttpAnswered(http.Tag, AnswerHttp(http, user)), user);
                break;
            case Effect.SubsonicRaw raw:
                Enqueue(new Input.SubsonicAnswered(raw.Tag, "image/jpeg", Convert.ToBase64String([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]), null), user);
                break;
            case Effect.SubsonicCall call:
                SongRequests.Add((NowMs, call));
                var (json, error) = SubsonicOverride?.Invoke(call) ?? AnswerGetSong(call.Uri);
                Enqueue(new Input.SubsonicCallAnswered(call.Tag, json, error), user);
                break;
            case Effect.ArtworkUrl art:
                var url = art.TrackId switch
                {
                    "t2" => "https://music.example.com/share/img/t2?size=300",
                    "t3" => "http://localhost:4533/share/img/t3?size=300",
                    _ => null,
                };
                Enqueue(new Input.ArtworkAnswered(art.Tag, url, url is null ? "artwork not found" : null), user);
                break;
            case Effect.CacheSet or Effect.CacheRemove or Effect.KvSet or Effect.KvDelete:
                if (losingWrites.FirstOrDefault(l => l.User == user && KeyOf(effect).StartsWith(l.KeyPrefix, StringComparison.Ordinal)) is { User: not null } lost)
                    losingWrites.Remove(lost);
                else Write(effect);
                break;
            case Effect.Log:
                break;
            default:
                throw new InvalidOperationException(effect.ToString());
        }
    }

    /// <summary>
    /// Navidrome's scheduler: an id that exists is refused (the interpreter does not answer that: another call armed
    /// this very timer); a scripted fault refuses or silently loses the schedule.
    /// </summary>
    private void Arm(string id, int delaySeconds, long everyMs, string user)
    {
        if (timers.ContainsKey(id)) return;
        if (failingSchedules.Remove(user))
            Enqueue(new Input.ScheduleFailed(id, delaySeconds, new HostFailure.Failed("scheduler: injected failure")), user);
        else if (!losingTimers.Remove(user))
            timers[id] = (NowMs + Math.Max(0, delaySeconds) * 1000L, everyMs, ++timerOrder);
    }

    /// <summary>Every Subsonic JSON call the core asked for, with when.</summary>
    public List<(long AtMs, Effect.SubsonicCall Call)> SongRequests { get; } = [];

    /// <summary>When set, answers the Subsonic JSON calls it returns an answer for (response text, host error) instead of the library below.</summary>
    public Func<Effect.SubsonicCall, (string? Json, string? Error)?>? SubsonicOverride { get; set; }

    /// <summary>
    /// How Navidrome's getSong answers (as subsonicapi_call returns it): the library's year and genre (t1, t2), genres
    /// only as OpenSubsonic lists them (t3), no year or genre (t5), and "not found" for anything else.
    /// </summary>
    public static (string? Json, string? Error) AnswerGetSong(string uri)
    {
        var id = uri.StartsWith("getSong?id=", StringComparison.Ordinal) ? uri["getSong?id=".Length..].Split('&')[0] : "";
        var song = id switch
        {
            "t1" => """ "year":1959,"genre":"Jazz","genres":[{"name":"Jazz"},{"name":"Modal"}] """,
            "t2" => """ "year":2019,"genre":"J-Pop","genres":[{"name":"J-Pop"}] """,
            "t3" => """ "genres":[{"name":"Ambient"}] """,
            "t5" => """ "genres":[] """,
            _ => null,
        };
        return song is null
            ? ("""{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":70,"message":"Song not found"}}}""", null)
            : ("""{"subsonic-response":{"status":"ok","version":"1.16.1","type":"navidrome","serverVersion":"0.62.0","openSubsonic":true,"song":{"id":""" + $"\"{id}\",\"isDir\":false,\"title\":\"x\",{song.Trim()}" + "}}}", null);
    }

    /// <summary>The <c>mp:</c> image the simulated Discord gives a registered URL.</summary>
    public static string MediaPathOf(string url) => "mp:external/" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(url)))[..12] + "/image";

    /// <summary>How Discord's REST API and the Cover Art Archive answer.</summary>
    private HttpOutcome AnswerHttp(Effect.Http http, string user)
    {
        if (HttpOverride?.Invoke(http) is { } scripted) return scripted;
        var url = http.Request.Url;
        if (url.EndsWith("/api/v10/gateway", StringComparison.Ordinal))
            return new HttpOutcome.Answered(200, [], "{\"url\":\"wss://gateway.discord.gg\"}");
        if (url == "https://uguu.se/upload")
            return new HttpOutcome.Answered(200, [], """{"success":true,"files":[{"hash":"x","filename":"abc.jpg","url":"https://d.uguu.se/abc.jpg","size":7}]}""");
        if (url.StartsWith("https://coverartarchive.org/release/rel-1/", StringComparison.Ordinal))
            return new HttpOutcome.Answered(307, [new Header("Location", "https://archive.org/download/mbid-rel-1/front-500.jpg")], "");
        if (url.StartsWith("https://labs.api.listenbrainz.org/spotify-id-from-mbid/", StringComparison.Ordinal))
            return new HttpOutcome.Answered(200, [], """[{"recording_mbid":"rec-1","spotify_track_ids":["4u7EnebtmKWzUH433cf5Qv"]}]""");
        if (url.StartsWith("https://labs.api.listenbrainz.org/", StringComparison.Ordinal))
            return new HttpOutcome.Answered(200, [], """[{"spotify_track_ids":[]}]""");
        if (url.StartsWith("https://coverartarchive.org/", StringComparison.Ordinal))
            return new HttpOutcome.Answered(404, [], "");
        if (url.EndsWith("/external-assets", StringComparison.Ordinal))
        {
            var urls = System.Text.Json.JsonDocument.Parse(http.Request.Body!).RootElement.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToArray();
            Registrations.Add((NowMs, user, urls));
            var answer = "[" + string.Join(",", urls.Select(u => $"{{\"url\":{System.Text.Json.JsonSerializer.Serialize(u)},\"external_asset_path\":{System.Text.Json.JsonSerializer.Serialize(MediaPathOf(u)[3..])}}}")) + "]";
            return new HttpOutcome.Answered(200, [], answer);
        }
        return new HttpOutcome.Failed("no such host in the simulation: " + url);
    }

    /// <summary>How the simulated Discord answers a frame.</summary>
    private void Answer(string id, ServerConnection connection, GatewayFrame frame)
    {
        var user = connection.User;
        switch (frame)
        {
            case GatewayFrame.Identify when BadTokenUsers.Contains(user):
                ServerClose(id, user, 4004);
                break;
            case GatewayFrame.Identify:
                validSessions[user] = $"session-{user}-{Decisions.Count}";
                announcedSessions[user] = validSessions[user];
                connection.Sequence = 0;
                lastSequence[user] = null;
                connection.Identified = true;
                Enqueue(new Input.FrameReceived(id, new InboundFrame.Dispatch(++connection.Sequence, "READY",
                    new ReadyInfo(validSessions[user]!, "wss://gateway-resume.discord.gg"), ListeningFor(user))), user);
                break;
            case GatewayFrame.Resume r when validSessions.GetValueOrDefault(user) == r.SessionId && NowMs <= resumableUntil.GetValueOrDefault(user):
                // Discord replays what the session missed before RESUMED, a session list among it.
                connection.Identified = true;
                SessionsReplace(id, user);
                Enqueue(new Input.FrameReceived(id, new InboundFrame.Dispatch(++connection.Sequence, "RESUMED", null)), user);
                break;
            case GatewayFrame.UpdatePresence:
                SessionsReplace(id, user);
                break;
            case GatewayFrame.Resume:
                validSessions[user] = null;
                Enqueue(new Input.FrameReceived(id, new InboundFrame.InvalidSession(false)), user);
                break;
            case GatewayFrame.Heartbeat when !withholding.Contains(user):
                Enqueue(new Input.FrameReceived(id, new InboundFrame.HeartbeatAck()), user);
                break;
        }
    }

    private sealed class ServerConnection(string user)
    {
        public string User { get; } = user;
        public long Sequence { get; set; }
        public bool Identified { get; set; }

        /// <summary>A send failed on it: every later send fails too (gorilla/websocket keeps the first write error).</summary>
        public bool Broken { get; set; }
    }
}
