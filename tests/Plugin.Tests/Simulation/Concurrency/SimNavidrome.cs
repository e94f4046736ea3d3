using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost;
using Navidrome.DiscordPresence.TestHost.Services;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// Navidrome's plugin host in memory (docs/navidrome-host.md), running the real managed plugin: every export call
/// gets a fresh instance (<see cref="ManagedPluginRunner"/>) on its own fiber, and every host call is a yield point
/// of the <see cref="Interleaver"/>. The host services keep Navidrome's semantics and error texts: the test host's
/// cache and KV store, a scheduler whose one-time entries are deleted after their callback returns, WebSockets
/// whose connect checks the id, dials (a yield point), then registers (so two overlapping dials with one id both
/// succeed), whose failed send breaks the connection for every later send (gorilla/websocket), whose plugin close
/// runs on_close before the host call returns, and whose Discord end runs one last callback on the reader. A reload cancels every schedule, closes every socket with 1001 without a callback, wipes
/// the cache, keeps the KV store and runs nd_on_init; calls of the old load still running find their host services closed.
/// </summary>
public sealed class SimNavidrome : IHostServices
{
    public const string OnText = "nd_websocket_on_text_message";
    public const string OnClose = "nd_websocket_on_close";
    public const string OnError = "nd_websocket_on_error";

    private readonly IPluginRunner runner = new ManagedPluginRunner();
    private readonly VirtualClock clock;
    private readonly IReadOnlyDictionary<string, string> config;
    private readonly Dictionary<string, SimSocket> registry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimSchedule> schedules = new(StringComparer.Ordinal);
    private readonly HashSet<string> failingDials = [];
    private long scheduleOrder;

    public SimNavidrome(Interleaver interleaver, FaultPlan faults, IReadOnlyDictionary<string, string> config, MemoryDiscord discord, VirtualClock clock)
    {
        Interleaver = interleaver;
        Faults = faults;
        this.config = config;
        Discord = discord;
        this.clock = clock;
        Cache = new CacheService(clock);
        Kv = new KvStoreService(clock);
        discord.DeliverText = (socket, frame) => socket.Reader.Enqueue($"text op {frame["op"]}", () =>
        {
            if (!socket.ClosedByPlugin) CallPlugin(OnText, new JsonObject { ["connectionId"] = socket.ConnectionId, ["message"] = frame.ToJsonString() });
        });
        discord.EndConnection = EndedByDiscord;
        interleaver.BeforePick = () =>
        {
            if (interleaver.Picks == faults.ReloadAtPick && faults.Injecting) Reload();
        };
    }

    public Interleaver Interleaver { get; }
    public FaultPlan Faults { get; }
    public MemoryDiscord Discord { get; }
    public CacheService Cache { get; }
    public KvStoreService Kv { get; }
    public long NowMs => clock.NowMs;

    /// <summary>Every log line, error, store key, schedule id and connection id the plugin produced (for the token check).</summary>
    public List<string> Texts { get; } = [];

    /// <summary>Log lines at warn or error level.</summary>
    public List<string> Warnings { get; } = [];

    public int PluginCalls { get; private set; }
    public int HostCalls { get; private set; }
    public int Reloads { get; private set; }

    /// <summary>Users with a scrobbler call that a reload cut off (Navidrome drops a failed call: the report is lost).</summary>
    public HashSet<string> CutInputs { get; } = [];

    /// <summary>The next dial for this user fails (a network error).</summary>
    public void FailNextDial(string user) => failingDials.Add(user);

    // ---- Calling the plugin ----

    /// <summary>One export call with a fresh instance, on the calling fiber.</summary>
    public CallResult CallPlugin(string export, JsonObject input)
    {
        PluginCalls++;
        var result = runner.Call(export, Encoding.UTF8.GetBytes(input.ToJsonString()), this);
        if (result.Error is { } error) Texts.Add(error);
        return result;
    }

    /// <summary>A call of its own, started now (a timer callback, nd_on_init).</summary>
    public void Start(string name, string export, JsonObject input) => Interleaver.Spawn(name, () => CallPlugin(export, input));

    // ---- IHostServices ----

    /// <summary>When set, every host call with its request and answer (tokens included: for diagnosis only, never asserted on).</summary>
    public List<string>? Trace { get; set; }

    public byte[] CallHost(string function, byte[] requestJson)
    {
        var answer = Answer(function, requestJson);
        Trace?.Add($"{clock.NowMs - ConcurrentWorld.StartMs,7} [{Interleaver.Current!.Name}] {function} {Short(requestJson, 220)} → {Short(answer, 120)}");
        return answer;
    }

    private static string Short(byte[] json, int max)
    {
        var text = Encoding.UTF8.GetString(json);
        return text.Length <= max ? text : text[..max] + "…";
    }

    private byte[] Answer(string function, byte[] requestJson)
    {
        Interleaver.Yield();
        HostCalls++;
        var fiber = Interleaver.Current!;
        if (fiber.Load != Interleaver.Load)
        {
            if (fiber.Name.Contains("worker", StringComparison.Ordinal) && UserOfCall(fiber.Name) is { } cut) CutInputs.Add(cut);
            return HostResponse.Error("plugin unloaded: its services are closed");
        }
        try
        {
            var request = HostRequest.Parse(requestJson);
            foreach (var name in new[] { "key", "scheduleId", "connectionId", "payload" })
                if (request.String(name) is { Length: > 0 } id) Texts.Add($"{function} {name} {id}");
            var url = function == "http_send" ? request.Object("request").String("url") : "";
            if (Faults.For(function, url) is { } fault)
            {
                if (function == "websocket_sendtext" && registry.TryGetValue(request.String("connectionId"), out var broken)) broken.WriteError ??= fault;
                return HostResponse.Error(fault);
            }
            var prefix = function[..function.IndexOf('_')];
            return prefix switch
            {
                "cache" => Cache.Call(function, request),
                "kvstore" => Kv.Call(function, request),
                "scheduler" => Schedule(function, request),
                "websocket" => Socket(function, request),
                "http" => Http(request),
                "artwork" => ArtworkUrl(request),
                "subsonicapi" when function == "subsonicapi_call" => new HostResponse().Set("responseJson", World.AnswerGetSong(request.String("uri")).Json).ToBytes(),
                "subsonicapi" => new HostResponse().Set("contentType", "image/jpeg").SetBytes("data", LibraryServices.CoverArtJpeg).ToBytes(),
                _ => throw new HostError($"\"{function}\" is not exported in module \"extism:host/user\""),
            };
        }
        catch (HostError e)
        {
            return HostResponse.Error(e.Message);
        }
    }

    private static string? UserOfCall(string name) => name.Split(' ').FirstOrDefault(w => w.StartsWith('@'))?[1..];

    public string? GetConfig(string key) => config.GetValueOrDefault(key);

    public void Log(LogLevel level, string message)
    {
        Texts.Add(message);
        if (level is LogLevel.Warn or LogLevel.Error) Warnings.Add($"{clock.NowMs}: {message}");
    }

    public long NowUnixMs() => clock.NowMs;

    /// <summary>
    /// The plugin's jitter: a hash of the call and how many numbers it drew, not a shared sequence, so the same call
    /// draws the same numbers however calls interleave (the interleaved and the sequential run stay comparable).
    /// </summary>
    public double NextRandom()
    {
        var fiber = Interleaver.Current!;
        var hash = (ulong)StableHash(fiber.Name) * 31 + (ulong)fiber.Draws++;
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    private static int StableHash(string text)
    {
        var h = 17;
        foreach (var c in text) h = unchecked(h * 31 + c);
        return h & 0x7fffffff;
    }

    // ---- Scheduler ----

    private sealed record SimSchedule(string Id, string Payload, long EveryMs, long DueMs, long Order, bool Lost)
    {
        public bool Firing { get; set; }
    }

    private byte[] Schedule(string function, HostRequest request)
    {
        switch (function)
        {
            case "scheduler_scheduleonetime":
            case "scheduler_schedulerecurring":
                var id = request.String("scheduleId");
                if (schedules.ContainsKey(id)) throw new HostError($"schedule ID \"{id}\" already exists");
                var recurring = function == "scheduler_schedulerecurring";
                if (recurring && TooFrequent(request.String("cronExpression"))) RecurringTooOften.Add($"{id}: {request.String("cronExpression")}");
                var cron = recurring ? CronSpec.Parse(request.String("cronExpression")) : null;
                var due = cron?.Next(clock.NowMs) ?? clock.NowMs + Math.Max(0, request.Int("delaySeconds")) * 1000;
                var lost = recurring ? LosesRecurring?.Invoke(id) ?? Faults.LoseRecurring() : Faults.LoseTimer();
                schedules[id] = new SimSchedule(id, request.String("payload"), cron?.EveryMs ?? 0, due, ++scheduleOrder, lost);
                return new HostResponse().Set("newScheduleId", id).ToBytes();
            case "scheduler_cancelschedule":
                var cancelled = request.String("scheduleId");
                if (!schedules.Remove(cancelled)) throw new HostError($"schedule ID \"{cancelled}\" not found");
                return HostResponse.Empty;
            default:
                throw new HostError($"unknown scheduler function {function}");
        }
    }

    /// <summary>Recurring schedules asked to fire more often than a heartbeat may (every plugin call costs Navidrome).</summary>
    public List<string> RecurringTooOften { get; } = [];

    private static bool TooFrequent(string cron) =>
        !cron.StartsWith("@every ", StringComparison.Ordinal)
        || !CronSpec.TryParseGoDuration(cron["@every ".Length..], out var everyMs)
        || everyMs < global::Navidrome.DiscordPresence.Domain.Gateway.GatewaySession.MinHeartbeatMs;

    /// <summary>Decides, for a test, which recurring schedules are lost (accepted, never fired) instead of the fault plan.</summary>
    public Func<string, bool>? LosesRecurring { get; set; }

    /// <summary>When the next schedule is due, or null. A lost recurring schedule stays (it can be cancelled, its id exists) but is never due.</summary>
    public long? NextDueMs => schedules.Values.Where(s => !s.Firing && !(s.Lost && s.EveryMs > 0)).Select(s => (long?)s.DueMs).Min();

    /// <summary>Starts a callback for every schedule due now, each on its own: timers due together overlap.</summary>
    public void FireDue()
    {
        var now = clock.NowMs;
        foreach (var schedule in schedules.Values.Where(s => !s.Firing && !(s.Lost && s.EveryMs > 0) && s.DueMs <= now).OrderBy(s => s.DueMs).ThenBy(s => s.Order).ToList())
        {
            if (schedule.EveryMs > 0) schedules[schedule.Id] = schedule with { DueMs = schedule.DueMs + Math.Max(1000, schedule.EveryMs / 1000 * 1000), Order = ++scheduleOrder };
            else if (schedule.Lost)
            {
                schedules.Remove(schedule.Id);
                continue;
            }
            else schedule.Firing = true;
            var load = Interleaver.Load;
            Interleaver.Spawn($"timer {schedule.Id} at {now}", () =>
            {
                try
                {
                    CallPlugin("nd_scheduler_callback", new JsonObject { ["scheduleId"] = schedule.Id, ["payload"] = schedule.Payload, ["isRecurring"] = schedule.EveryMs > 0 });
                }
                finally
                {
                    // Navidrome deletes whatever one-time entry has the id once the callback returned.
                    if (schedule.EveryMs == 0 && load == Interleaver.Load) schedules.Remove(schedule.Id);
                }
            });
        }
    }

    // ---- WebSockets ----

    private byte[] Socket(string function, HostRequest request)
    {
        var id = request.String("connectionId");
        switch (function)
        {
            case "websocket_connect":
                return Connect(request.String("url"), id);
            case "websocket_sendtext":
                if (!registry.TryGetValue(id, out var target)) throw new HostError($"connection ID \"{id}\" not found");
                if (target.WriteError is { } writeError) throw new HostError(writeError);
                Discord.Received(target, request.String("message"));
                return HostResponse.Empty;
            case "websocket_closeconnection":
                if (!registry.Remove(id, out var closing)) throw new HostError($"connection ID \"{id}\" not found");
                var code = (int)request.Int("code");
                var reason = request.String("reason");
                Discord.ClosedByPlugin(closing, code);
                closing.Reader.Close(dropPending: true);
                // on_close runs in another instance before this host call returns; other calls may run meanwhile.
                var onClose = Interleaver.Spawn($"on_close {id} (plugin close)", () =>
                    CallPlugin(OnClose, new JsonObject { ["connectionId"] = id, ["code"] = code, ["reason"] = reason }));
                Interleaver.WaitFor(onClose);
                return HostResponse.Empty;
            default:
                throw new HostError($"unknown websocket function {function}");
        }
    }

    private byte[] Connect(string url, string id)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss")) throw new HostError($"invalid URL \"{url}\"");
        if (uri.Host != "gateway.discord.gg" && !uri.Host.EndsWith(".discord.gg", StringComparison.Ordinal)) throw new HostError($"host \"{uri.Host}\" is not allowed");
        if (registry.ContainsKey(id)) throw new HostError($"connection ID \"{id}\" already exists");
        var user = GatewayIds.TryParseConnection(id, out var u, out _) ? u : null;
        // The dial takes a while; Navidrome registers the id only after it.
        Interleaver.Yield();
        var fiber = Interleaver.Current!;
        if (fiber.Load != Interleaver.Load) throw new HostError("failed to connect: plugin unloaded");
        if (user is not null && failingDials.Remove(user)) throw new HostError($"failed to connect: dial tcp: lookup {uri.Host}: i/o timeout");
        var socket = new SimSocket(Discord.Sockets.Count + 1, id, user, Interleaver.NewLane($"socket {id}"), clock.NowMs);
        registry[id] = socket;
        Discord.Dialled(socket);
        return new HostResponse().Set("newConnectionId", id).ToBytes();
    }

    /// <summary>Discord ended a socket: its reader runs one last callback (on_close for 1000/1001/1005, on_error otherwise), then frees the id.</summary>
    private void EndedByDiscord(SimSocket socket, int? code, string reason)
    {
        var (export, input) = code is 1000 or 1001 or 1005
            ? (OnClose, new JsonObject { ["connectionId"] = socket.ConnectionId, ["code"] = code, ["reason"] = reason })
            : (OnError, new JsonObject { ["connectionId"] = socket.ConnectionId, ["error"] = code is { } c ? MemoryDiscord.CloseErrorText(c, reason) : reason });
        socket.Reader.Enqueue($"end {code}", () =>
        {
            try
            {
                if (!socket.ClosedByPlugin) CallPlugin(export, input);
            }
            finally
            {
                if (registry.TryGetValue(socket.ConnectionId, out var registered) && registered == socket) registry.Remove(socket.ConnectionId);
            }
        });
        socket.Reader.Close(dropPending: false);
    }

    // ---- HTTP and the library ----

    private byte[] Http(HostRequest request)
    {
        var spec = request.Object("request");
        var method = spec.String("method") is { Length: > 0 } m ? m.ToUpperInvariant() : "GET";
        var url = spec.String("url");
        var headers = spec.StringMap("headers");
        var body = Encoding.UTF8.GetString(spec.Bytes("body"));
        if (Faults.HttpServerError()) return Result(503, [], "upstream unavailable");
        if (Discord.Rest(method, url, headers, body) is { } rest) return Result(rest.Status, [], rest.Body);
        var (status, answerHeaders, answerBody) = OtherServices(url);
        return Result(status, answerHeaders, answerBody);
    }

    private static byte[] Result(int status, Dictionary<string, string> headers, string body)
    {
        var result = new JsonObject { ["statusCode"] = status };
        if (headers.Count > 0) result["headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value)));
        if (body.Length > 0) result["body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        return new HostResponse().Set("result", result).ToBytes();
    }

    /// <summary>The Cover Art Archive, ListenBrainz and uguu.se, as the sequential World answers them.</summary>
    private static (int, Dictionary<string, string>, string) OtherServices(string url)
    {
        if (url == "https://uguu.se/upload")
            return (200, [], """{"success":true,"files":[{"hash":"x","filename":"abc.jpg","url":"https://d.uguu.se/abc.jpg","size":7}]}""");
        if (url.StartsWith("https://coverartarchive.org/release/rel-1/", StringComparison.Ordinal))
            return (307, new() { ["Location"] = "https://archive.org/download/mbid-rel-1/front-500.jpg" }, "");
        if (url.StartsWith("https://labs.api.listenbrainz.org/spotify-id-from-mbid/", StringComparison.Ordinal))
            return (200, [], """[{"recording_mbid":"rec-1","spotify_track_ids":["4u7EnebtmKWzUH433cf5Qv"]}]""");
        if (url.StartsWith("https://labs.api.listenbrainz.org/", StringComparison.Ordinal)) return (200, [], """[{"spotify_track_ids":[]}]""");
        if (url.StartsWith("https://coverartarchive.org/", StringComparison.Ordinal)) return (404, [], "");
        throw new HostError($"Get \"{url}\": dial tcp: lookup: no such host");
    }

    private static byte[] ArtworkUrl(HostRequest request) => request.String("id") switch
    {
        "t2" => new HostResponse().Set("url", "https://music.example.com/share/img/t2?size=300").ToBytes(),
        "t3" => new HostResponse().Set("url", "http://localhost:4533/share/img/t3?size=300").ToBytes(),
        var other => throw new HostError($"artwork not found: {other}"),
    };

    // ---- Load and reload ----

    /// <summary>Navidrome loads the plugin: nd_on_init, overlapping whatever else runs.</summary>
    public void Load() => Start($"nd_on_init (load {Interleaver.Load})", "nd_on_init", []);

    /// <summary>A reload in the middle of anything: the old load's services close, the KV store stays, a new load starts.</summary>
    public void Reload()
    {
        Reloads++;
        Interleaver.Load++;
        schedules.Clear();
        foreach (var socket in registry.Values) socket.Reader.Close(dropPending: true);
        registry.Clear();
        Discord.Unloaded();
        Cache.Clear();
        Load();
    }

    /// <summary>True when <paramref name="socket"/> is the one its id is registered to (sends reach it).</summary>
    public bool IsRegistered(SimSocket socket) => registry.TryGetValue(socket.ConnectionId, out var registered) && registered == socket;

    /// <summary>The ids registered now (for diagnosis).</summary>
    public IReadOnlyCollection<string> OpenIds => registry.Keys;

    /// <summary>What JSON text the plugin stored under every KV key (for diagnosis).</summary>
    public string DescribeStore() => JsonSerializer.Serialize(Kv.Snapshot()) + " cache " + JsonSerializer.Serialize(Cache.Strings);
}
