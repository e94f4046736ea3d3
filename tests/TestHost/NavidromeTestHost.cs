using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Network;
using Navidrome.DiscordPresence.TestHost.Services;

namespace Navidrome.DiscordPresence.TestHost;

/// <summary>
/// A Navidrome plugin host for tests (docs/navidrome-host.md): the host services with Navidrome's semantics, a
/// fresh plugin call for every export call through an <see cref="IPluginRunner"/> (managed or wasm: the host does
/// not know which), plugin callbacks from socket readers running concurrently the way Navidrome runs them, and a
/// virtual clock under the scheduler and the plugin's NowUnixMs.
/// Time only moves in <see cref="AdvanceTo"/>: before it moves, the host waits until every frame in flight has
/// been handled and every schedule due now has fired (<see cref="Settle"/>), so timing is exact while the
/// network traffic is real.
/// </summary>
public sealed class NavidromeTestHost : IHostServices, IPluginCallbacks, IDisposable
{
    /// <summary>How long a settle waits for the network before it reports that it gave up.</summary>
    public static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(15);

    private readonly IPluginRunner _runner;
    private readonly Random _random;
    private readonly List<PluginLogLine> _logs = [];
    private readonly List<PluginCallRecord> _calls = [];
    private readonly Dictionary<string, int> _hostCalls = new(StringComparer.Ordinal);
    private readonly List<ScriptedFault> _scriptedFaults = [];

    /// <summary>A scenario's <c>host fails</c> step: the next <c>Remaining</c> calls of a function whose request holds a text fail.</summary>
    private sealed record ScriptedFault(string Function, string Matching, string Error)
    {
        public int Remaining { get; set; }
    }

    public NavidromeTestHost(IPluginRunner runner, HostOptions options, VirtualClock clock, Transcript transcript, HostMap map, NetworkLedger ledger)
    {
        // Plugin calls block pool threads (socket readers call the plugin synchronously): keep enough threads ready.
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < 64) ThreadPool.SetMinThreads(64, Math.Max(io, 64));

        _runner = runner;
        Options = options;
        Clock = clock;
        Transcript = transcript;
        Ledger = ledger;
        _random = new Random(options.Seed);
        var ids = new Ids(options.Seed);
        Cache = new CacheService(clock);
        Kv = new KvStoreService(clock, options.KvMaxSizeBytes);
        Scheduler = new SchedulerService(clock, ids);
        Config = new ConfigService();
        Library = new LibraryServices(options);
        Http = new HttpService(options, map, clock, transcript);
        Sockets = new WebSocketService(options, map, ledger, ids, this, transcript);
    }

    public HostOptions Options { get; }
    public VirtualClock Clock { get; }
    public Transcript Transcript { get; }
    public NetworkLedger Ledger { get; }
    public CacheService Cache { get; }
    public KvStoreService Kv { get; }
    public SchedulerService Scheduler { get; }
    public ConfigService Config { get; }
    public LibraryServices Library { get; }
    public HttpService Http { get; }
    public WebSocketService Sockets { get; }

    /// <summary>Settles that gave up waiting for the network (a scenario with any of these is suspect).</summary>
    public int UnsettledCount { get; private set; }

    public IReadOnlyList<PluginLogLine> Logs
    {
        get { lock (_logs) return [.. _logs]; }
    }

    public IReadOnlyList<PluginCallRecord> Calls
    {
        get { lock (_calls) return [.. _calls]; }
    }

    /// <summary>How often each host function was called.</summary>
    public IReadOnlyDictionary<string, int> HostCallCounts
    {
        get { lock (_hostCalls) return new Dictionary<string, int>(_hostCalls); }
    }

    // ---- IHostServices: what the plugin reaches during a call ----

    public byte[] CallHost(string function, byte[] requestJson)
    {
        lock (_hostCalls) _hostCalls[function] = _hostCalls.GetValueOrDefault(function) + 1;
        try
        {
            var prefix = function.Split('_')[0];
            // Navidrome registers host functions only for declared permissions (config always): an undeclared one
            // would not even link, so the plugin would fail to load.
            if (prefix != "config" && Options.Permissions is { } declared && !declared.Contains(prefix))
                throw new HostError($"\"{function}\" is not exported in module \"extism:host/user\" (the manifest does not declare the '{prefix}' permission)");
            if (TakeScriptedFault(function, requestJson) is { } scripted)
            {
                Transcript.Add("host", $"✗ {function} fails as the scenario asked: {scripted}");
                return HostResponse.Error(scripted);
            }
            if (Options.Chaos is { } chaos)
            {
                if (chaos.FaultFor(function, requestJson, Clock.NowMs) is { } fault)
                {
                    Transcript.Add("chaos", $"✗ {function} fails: {fault}");
                    return HostResponse.Error(fault);
                }
                // A dial that takes a while widens the window in which another call sees no connection yet.
                if (function == "websocket_connect") Thread.Sleep(chaos.DialDelayMs(requestJson, Clock.NowMs));
            }
            var request = HostRequest.Parse(requestJson);
            return prefix switch
            {
                "cache" => Cache.Call(function, request),
                "kvstore" => Kv.Call(function, request),
                "scheduler" => Scheduler.Call(function, request),
                "websocket" => Sockets.Call(function, request),
                "http" => Http.Call(function, request),
                "config" => Config.Call(function, request),
                "users" or "artwork" or "subsonicapi" => Library.Call(function, request),
                _ => throw new HostError($"\"{function}\" is not exported in module \"extism:host/user\""),
            };
        }
        catch (HostError e)
        {
            return HostResponse.Error(e.Message);
        }
        catch (JsonException e)
        {
            return HostResponse.Error(e.Message);
        }
    }

    /// <summary>Makes the next <paramref name="times"/> calls of <paramref name="function"/> whose request contains <paramref name="matching"/> fail.</summary>
    public void FailNext(string function, string matching, int times)
    {
        lock (_scriptedFaults) _scriptedFaults.Add(new ScriptedFault(function, matching, $"injected failure of {function}") { Remaining = times });
    }

    private string? TakeScriptedFault(string function, byte[] requestJson)
    {
        lock (_scriptedFaults)
        {
            if (_scriptedFaults.Count == 0) return null;
            var request = Encoding.UTF8.GetString(requestJson);
            var fault = _scriptedFaults.FirstOrDefault(f => f.Remaining > 0 && f.Function == function && request.Contains(f.Matching, StringComparison.Ordinal));
            if (fault is null) return null;
            fault.Remaining--;
            return fault.Error;
        }
    }

    public string? GetConfig(string key) => Config.Get(key);

    public void Log(LogLevel level, string message)
    {
        lock (_logs) _logs.Add(new PluginLogLine(Clock.ElapsedMs, level, message));
        if (level != LogLevel.Debug) Transcript.Add("plugin", $"log {level.ToString().ToLowerInvariant()}: {message}");
    }

    public long NowUnixMs() => Clock.NowMs;

    public double NextRandom()
    {
        if (Options.FixedRandom is { } fixedValue) return fixedValue;
        lock (_random) return _random.NextDouble();
    }

    // ---- Calling the plugin ----

    void IPluginCallbacks.Invoke(string export, JsonObject input) => CallPlugin(export, input);

    /// <summary>One export call with a fresh plugin instance; failures are logged the way Navidrome logs them.</summary>
    public CallResult CallPlugin(string export, JsonObject input)
    {
        var text = ExportInput.Text(input);
        var started = Stopwatch.GetTimestamp();
        var result = _runner.Call(export, Encoding.UTF8.GetBytes(text), this);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (_calls) _calls.Add(new PluginCallRecord(Clock.ElapsedMs, export, text, result.ReturnCode, result.Error, elapsed));
        if (!result.Succeeded && !(export == "nd_scrobbler_playback_report" && result.ReturnCode == -2 && result.Error is null))
            Transcript.Add("navidrome", $"✗ {export} failed: {result.Error ?? $"plugin call exited with code {result.ReturnCode}"}");
        return result;
    }

    /// <summary>Loads the plugin: Navidrome calls nd_on_init at the end of every load.</summary>
    public void Load()
    {
        Transcript.Add("navidrome", "plugin loaded → nd_on_init");
        CallPlugin("nd_on_init", []);
    }

    /// <summary>
    /// A config save, user change or file change: Navidrome unloads (schedules cancelled, sockets closed with 1001
    /// and no callback, cache wiped; the KV store stays) and loads again.
    /// </summary>
    public void Reload(string? newConfigJson = null)
    {
        Settle();
        Transcript.Add("navidrome", "plugin unloaded (schedules cancelled, sockets closed 1001, cache wiped)");
        Scheduler.Clear();
        Sockets.CloseAll();
        Cache.Clear();
        if (newConfigJson is not null) Config.Save(newConfigJson);
        Load();
    }

    // ---- Time ----

    /// <summary>
    /// Waits until nothing is in flight on the network, then fires every schedule due now, and repeats until both
    /// are quiet. The clock does not move. Schedules due together fire concurrently, each on its own thread, as
    /// Navidrome runs every scheduler callback on its own goroutine.
    /// </summary>
    public void Settle()
    {
        while (true)
        {
            if (!Ledger.WaitQuiet(SettleTimeout))
            {
                UnsettledCount++;
                Transcript.Add("host", $"⚠ network did not settle within {SettleTimeout.TotalSeconds:0} s ({Ledger.Pending} messages in flight)");
            }
            var due = Scheduler.TakeAllDue(Clock.NowMs);
            if (due.Count == 0) return;
            FireTogether(Options.Chaos is { } chaos ? chaos.Shuffle(due, s => s.Id, Clock.NowMs) : due);
        }
    }

    /// <summary>Starts every callback in the given order, each on its own thread, and waits for all of them.</summary>
    private void FireTogether(IReadOnlyList<Schedule> due)
    {
        if (due.Count == 1)
        {
            foreach (var schedule in due) Fire(schedule);
            return;
        }
        Transcript.Add("navidrome", $"{due.Count} timers due together fire concurrently");
        var threads = due.Select(schedule => new Thread(() => Fire(schedule)) { IsBackground = true, Name = $"timer {schedule.Id}" }).ToList();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
    }

    /// <summary>Moves the clock to <paramref name="unixMs"/>, firing every schedule due on the way, in order, each at its own instant.</summary>
    public void AdvanceTo(long unixMs)
    {
        Settle();
        while (Scheduler.NextDueMs is { } next && next <= unixMs)
        {
            if (next > Clock.NowMs) Clock.MoveTo(next);
            Settle();
        }
        if (unixMs > Clock.NowMs) Clock.MoveTo(unixMs);
        Settle();
    }

    /// <summary>Moves the clock forward by <paramref name="duration"/>.</summary>
    public void Advance(TimeSpan duration) => AdvanceTo(Clock.NowMs + (long)duration.TotalMilliseconds);

    private void Fire(Schedule schedule)
    {
        Transcript.Add("navidrome", $"timer {schedule.Id} fired{(schedule.IsRecurring ? " (recurring)" : "")}");
        try
        {
            CallPlugin("nd_scheduler_callback", new JsonObject
            {
                ["scheduleId"] = schedule.Id,
                ["payload"] = schedule.Payload,
                ["isRecurring"] = schedule.IsRecurring,
            });
        }
        finally
        {
            Scheduler.Finished(schedule);
        }
    }

    public void Dispose()
    {
        Scheduler.Clear();
        Sockets.CloseAll();
        Sockets.WaitForReaders(TimeSpan.FromSeconds(5));
        Http.Dispose();
    }
}
